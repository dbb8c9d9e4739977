#!/bin/sh
# TEST STAND-IN for hainstall's node-prep.sh, used only by lab/smoke.sh (see README.md here).
# Run by cloud-init (the test seed's runcmd) as: sh node-prep.sh SEED_DIR
set -eu
seed="$1"
# shellcheck disable=SC1091  # node.env comes from the seed ISO
. "$seed/hainstall/node.env"

# The interface that has MAC (lowercase), or the fallback name when no MAC is given.
iface_for() {
  mac="$1"; fallback="$2"
  for dev in /sys/class/net/*; do
    [ -n "$mac" ] && [ "$(cat "$dev/address")" = "$mac" ] && { basename "$dev"; return; }
  done
  echo "$fallback"
}

hostname "$NODE_NAME"
echo "$NODE_NAME" > /etc/hostname
printf '127.0.0.1\tlocalhost\n%s\t%s\n%s\t%s\n' "$NODE_ADDRESS" "$NODE_NAME" "$PEER_ADDRESS" "$PEER_NAME" > /etc/hosts

main="$(iface_for "${NODE_MAC:-}" eth0)"
repl="$(iface_for "${REPL_MAC:-}" eth1)"
ip link set "$main" up
ip addr replace "$NODE_ADDRESS/$NODE_PREFIX" brd + dev "$main"
ip link set "$repl" up
ip addr replace "$REPL_ADDRESS/$REPL_PREFIX" brd + dev "$repl"

install -m 0600 "$seed/hainstall/ssh/ssh_host_ed25519_key" /etc/ssh/ssh_host_ed25519_key
install -m 0644 "$seed/hainstall/ssh/ssh_host_ed25519_key.pub" /etc/ssh/ssh_host_ed25519_key.pub
install -d -m 0700 /root/.ssh
install -m 0600 "$seed/hainstall/authorized_keys" /root/.ssh/authorized_keys
# sshd started with the key cloud-init made: serve the pinned one.
rm -f /etc/ssh/ssh_host_rsa_key* /etc/ssh/ssh_host_ecdsa_key*
systemctl restart ssh.service
mkdir -p /var/lib/lab-test-seed
date -u +%Y-%m-%dT%H:%M:%SZ > /var/lib/lab-test-seed/applied
echo "node-prep (test stand-in): $NODE_NAME at $NODE_ADDRESS ($main), $REPL_ADDRESS ($repl)"
