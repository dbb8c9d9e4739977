#!/usr/bin/env bash
# Proves the lab's infrastructure alone, without any hainstall code: two clones of the stub made by hand
# (overlay disks, own data disks, unique MACs, a test seed ISO each), booted; then, from inside the
# namespace, ssh into both with pinned host keys and check the hostname, the data disk, the replication
# NIC between the two, and that the seed's package repository installs drbd-utils and heartbeat.
# Brings the lab up if it is down (and down again at the end); leaves an already running lab running.
# Usage: lab/smoke.sh    (root; after lab/build-image.sh and lab/packages.sh)
#        SMOKE_KEEP=1 lab/smoke.sh   leaves the clones and the lab running, to look around
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lab_require_root

BOOT_TIMEOUT_S=300        # boot to SSH ≈ 15 s per VM measured; generous for two TCG guests on busy cores
INSTALL_TIMEOUT_S=900     # drbd-utils + heartbeat + deps inside a TCG guest: ≈ 100 s measured
NODES=(smoke-1 smoke-2)
declare -A ADDR=([smoke-1]=192.168.122.21 [smoke-2]=192.168.122.22)
declare -A REPL=([smoke-1]=10.10.0.21 [smoke-2]=10.10.0.22)
declare -A MAC=([smoke-1]=52:54:00:5a:00:21 [smoke-2]=52:54:00:5a:00:22)
declare -A RMAC=([smoke-1]=52:54:00:5a:01:21 [smoke-2]=52:54:00:5a:01:22)

[[ -d $LAB_DIR/debs && -f $LAB_DIR/debs/Packages ]] || lab_die "no package repository: run lab/packages.sh first"
for tool in xorriso ssh ssh-keygen; do command -v "$tool" >/dev/null || lab_die "missing $tool"; done

smoke="$LAB_DIR/smoke"
pool_dir="$LAB_DIR/pool"
we_brought_it_up=0

remove_clones() {
  local n
  for n in "${NODES[@]}"; do
    lab_virsh destroy "$n" >/dev/null 2>&1 || true
    lab_virsh undefine "$n" >/dev/null 2>&1 || true
    lab_virsh vol-delete --pool "$LAB_POOL" "$n.qcow2" >/dev/null 2>&1 || true
    lab_virsh vol-delete --pool "$LAB_POOL" "$n-data.qcow2" >/dev/null 2>&1 || true
  done
}
finish() {
  local rc=$?
  if [[ ${SMOKE_KEEP:-0} == 1 ]]; then
    lab_log "SMOKE_KEEP=1: leaving the clones and the lab up (ssh key in $smoke/keys; lab/down.sh ends it)"
  else
    if [[ -S $LAB_SOCKET ]]; then remove_clones; fi
    if [[ $we_brought_it_up == 1 ]]; then lab_phase down "$LAB_SRC/down.sh" || rc=1; fi
    rm -rf "$smoke/keys"   # the throwaway admin key
  fi
  lab_print_phases
  if [[ $rc == 0 ]]; then lab_log "SMOKE PASSED"; else lab_log "SMOKE FAILED (exit $rc)"; fi
  exit "$rc"
}
trap finish EXIT

if [[ -S $LAB_SOCKET ]] && lab_virsh version >/dev/null 2>&1; then
  lab_log "lab already up: leaving it up"
else
  we_brought_it_up=1
  lab_phase up "$LAB_SRC/up.sh" >/dev/null
fi

make_seeds() {
  rm -rf "$smoke"
  mkdir -p "$smoke/keys"
  chmod 0700 "$smoke" "$smoke/keys"
  ssh-keygen -q -t ed25519 -N '' -C lab-smoke-admin -f "$smoke/keys/admin"
  : > "$smoke/keys/known_hosts"
  local n peer seed
  for n in "${NODES[@]}"; do
    peer="${NODES[0]}"; [[ $n == "$peer" ]] && peer="${NODES[1]}"
    seed="$smoke/seed-$n"
    mkdir -p "$seed/hainstall/ssh"
    printf 'instance-id: %s\nlocal-hostname: %s\n' "$n" "$n" > "$seed/meta-data"
    printf '#cloud-config\n{}\n' > "$seed/user-data"
    printf 'version: 2\n' > "$seed/network-config"
    install -m 0644 "$LAB_SRC/test-seed/node-prep-standin.sh" "$seed/hainstall/node-prep.sh"
    cat > "$seed/hainstall/node.env" <<ENV
NODE_NAME='$n'
NODE_ADDRESS='${ADDR[$n]}'
NODE_PREFIX='24'
NODE_MAC='${MAC[$n]}'
REPL_ADDRESS='${REPL[$n]}'
REPL_PREFIX='24'
REPL_MAC='${RMAC[$n]}'
PEER_NAME='$peer'
PEER_ADDRESS='${ADDR[$peer]}'
ENV
    ssh-keygen -q -t ed25519 -N '' -C "$n" -f "$seed/hainstall/ssh/ssh_host_ed25519_key"
    cp "$smoke/keys/admin.pub" "$seed/hainstall/authorized_keys"
    echo "${ADDR[$n]} $(cut -d' ' -f1,2 "$seed/hainstall/ssh/ssh_host_ed25519_key.pub")" >> "$smoke/keys/known_hosts"
    cp -a "$LAB_DIR/debs" "$seed/hainstall/debs"
    xorriso -as mkisofs -quiet -V cidata -J -r -o "$smoke/seed-$n.iso" "$seed" 2>/dev/null
    rm -rf "$seed"
  done
}

# A clone by hand, as the installer's cloner does it through libvirt: the stub's XML with a new name, no
# UUID, new MACs, its own disks in the pool, its own serial log, the seed in the cdrom.
clone() {
  local n="$1" image
  image="$(cat "$LAB_IMAGE_FILE")"   # the stub's own image (kernel, initrd and base belong together)
  qemu-img create -q -f qcow2 -F raw -b "$image/base.img" "$pool_dir/$n.qcow2"
  lab_virsh pool-refresh "$LAB_POOL" >/dev/null
  lab_virsh vol-create-as "$LAB_POOL" "$n-data.qcow2" "$LAB_DATA_DISK_SIZE" --format qcow2 >/dev/null
  lab_virsh dumpxml --inactive "$LAB_STUB" | awk -v n="$n" -v stub="$LAB_STUB" -v m1="${MAC[$n]}" \
      -v m2="${RMAC[$n]}" -v iso="$smoke/seed-$n.iso" -v serial="$LAB_DIR/serial/$n.log" '
    /<uuid>/ { next }
    /<name>/ { sub(/>[^<]*</, ">" n "<") }
    /<mac address=/ { macs++; sub(/address=.[^"'"'"']*./, "address=\"" (macs == 1 ? m1 : m2) "\"") }
    /\/pool\// { gsub(stub, n) }
    /<source path=/ && serial_next { sub(/path=.[^"'"'"']*./, "path=\"" serial "\"") }
    /<serial type=/ { serial_next = 1 }
    /<\/serial>/ { serial_next = 0 }
    { print }
    /<disk type=.file. device=.cdrom.>/ { print "      <source file=\"" iso "\"/>" }
  ' > "$smoke/$n.xml"
  lab_virsh define "$smoke/$n.xml" >/dev/null
  : > "$LAB_DIR/serial/$n.log"
}

nssh() {  # NODE COMMAND...: ssh from inside the namespace, host key pinned
  local n="$1"
  shift
  ip netns exec "$LAB_NS" ssh -q -i "$smoke/keys/admin" -o BatchMode=yes -o StrictHostKeyChecking=yes \
    -o UserKnownHostsFile="$smoke/keys/known_hosts" -o ConnectTimeout=5 -o ServerAliveInterval=10 \
    "root@${ADDR[$n]}" "$@"
}

wait_for_ssh() {
  local n deadline=$((SECONDS + BOOT_TIMEOUT_S)) pending=("${NODES[@]}") still
  while ((${#pending[@]})); do
    still=()
    for n in "${pending[@]}"; do
      if nssh "$n" true 2>/dev/null; then
        lab_log "$n answers on SSH after $((SECONDS - boot_start)) s"
      else
        still+=("$n")
      fi
    done
    pending=("${still[@]}")
    ((${#pending[@]})) || break
    for n in "${pending[@]}"; do
      if ! lab_output_matches '^running' lab_virsh domstate "$n"; then
        tail -n 30 "$LAB_DIR/serial/$n.log" >&2 || true
        lab_die "$n stopped before SSH came up (serial log: $LAB_DIR/serial/$n.log)"
      fi
    done
    if ((SECONDS > deadline)); then
      for n in "${pending[@]}"; do tail -n 30 "$LAB_DIR/serial/$n.log" >&2 || true; done
      lab_die "no SSH from ${pending[*]} within $BOOT_TIMEOUT_S s (serial logs in $LAB_DIR/serial)"
    fi
    sleep 2
  done
}

check_nodes() {
  local n facts
  for n in "${NODES[@]}"; do
    # One SSH round trip per node (script on stdin): each costs seconds on busy TCG guests.
    facts="$(nssh "$n" sh < "$LAB_SRC/test-seed/node-facts.sh")"
    printf '%s\n' "$facts" | sed "s/^/  $n: /" >&2
    [[ $facts == *"name=$n"$'\n'* ]] || lab_die "$n: uname -n is not $n"
    [[ $facts == *"vdb=$(numfmt --from=iec "$LAB_DATA_DISK_SIZE") fstype="$'\n'* ]] \
      || lab_die "$n: /dev/vdb is not an empty $LAB_DATA_DISK_SIZE disk"
    [[ $facts == *"repl=${REPL[$n]}/24"$'\n'* ]] || lab_die "$n: no replication address on its second NIC"
    [[ $facts == *"hook=active marker=yes"$'\n'* ]] || lab_die "$n: the first-boot hook did not run to the end"
    [[ $facts == *"preinstalled=0" ]] || lab_die "$n: cluster packages are preinstalled in the stub"
    lab_log "$n: uname -n, /dev/vdb ($LAB_DATA_DISK_SIZE, empty), second NIC ${REPL[$n]}, first-boot hook: ok"
  done
  # The replication network joins the two nodes (sshd listens on every address): node 1 → node 2.
  nssh "${NODES[0]}" "timeout 5 bash -c '</dev/tcp/${REPL[${NODES[1]}]}/22'" \
    || lab_die "${NODES[0]} cannot reach ${NODES[1]} over the replication network"
  # ...and is not the main one: the management side has no address there.
  ! ip netns exec "$LAB_NS" timeout 3 bash -c "</dev/tcp/${REPL[${NODES[1]}]}/22" 2>/dev/null \
    || lab_die "the replication network is reachable from the management side"
  lab_log "replication network: ${NODES[0]} -> ${REPL[${NODES[1]}]}:22 ok"
  # The lab's NTP server answers on the management address (a one-shot chronyd client, clock untouched).
  local ntp
  ntp="$(ip netns exec "$LAB_NS" timeout 30 "$LAB_DIR/chrony/pkg/usr/sbin/chronyd" -Q -u root -f /dev/null -t 20 \
    "server $LAB_MGMT_ADDR iburst maxsamples 1" "pidfile $smoke/chronyd-q.pid" 2>&1 || true)"
  grep -q 'System clock wrong' <<< "$ntp" || lab_die "the lab's NTP server on $LAB_MGMT_ADDR does not answer"
  lab_log "NTP server on $LAB_MGMT_ADDR: ok"
  nssh "${NODES[0]}" "systemd-analyze; systemd-analyze blame | head -n 8" >&2 || true
}

install_packages() {
  local n="${NODES[0]}"
  nssh "$n" "echo 'deb [trusted=yes] file:/run/hainstall-seed/hainstall/debs ./' > /etc/apt/sources.list.d/hainstall-seed.list \
    && apt-get -q update >/dev/null \
    && DEBIAN_FRONTEND=noninteractive timeout $INSTALL_TIMEOUT_S apt-get -q -y --no-install-recommends install drbd-utils heartbeat >/tmp/install.log 2>&1 \
    || { tail -n 30 /tmp/install.log; exit 1; }" || lab_die "$n: apt-get install from the seed failed"
  nssh "$n" "dpkg -s drbd-utils heartbeat >/dev/null && modprobe drbd && grep '^version: 8.4' /proc/drbd" >&2 \
    || lab_die "$n: drbd-utils/heartbeat not installed, or no DRBD 8.4 module"
  lab_log "$n: drbd-utils + heartbeat installed from the seed"
}

lab_phase seeds make_seeds
clone_all() { local n; for n in "${NODES[@]}"; do clone "$n"; done; }
lab_phase clone-and-define clone_all
boot_start=$SECONDS
for n in "${NODES[@]}"; do lab_virsh start "$n" >/dev/null; done
lab_phase boot-to-ssh wait_for_ssh
lab_phase checks check_nodes
lab_phase install-drbd-heartbeat install_packages
