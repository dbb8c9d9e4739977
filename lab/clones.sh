#!/usr/bin/env bash
# Two (or more) clones of the lab's stub made by hand, without any hainstall code: overlay disks, own data disks,
# given MACs, a test seed ISO each (NoCloud files whose runcmd runs lab/test-seed/'s node-prep stand-in; the admin's
# key, the node's own host key, the package repository), booted, reachable over SSH from inside the namespace with
# pinned host keys.
# Used by lab/smoke.sh (the infrastructure alone) and lab/bench-by-hand.sh (a cluster built by a plain script).
# shellcheck shell=bash
#
# Sourced after lab/lib.sh. The caller sets:
#   CLONES_DIR              a folder of its own (seeds, domain XML, keys/admin, keys/known_hosts)
#   NODES=(a b)             clone names; ADDR, REPL, MAC, RMAC: associative arrays by name
#   CLONES_ADMIN_KEY        optional: an existing admin key pair (KEY and KEY.pub) to authorise instead of a new one
#   CLONES_HOST_KEYS        optional: a folder with NAME/ssh_host_ed25519_key{,.pub} to install instead of new ones

CLONES_BOOT_TIMEOUT_S=${CLONES_BOOT_TIMEOUT_S:-300}   # boot to SSH ≈ 15 s per VM measured; generous for busy cores

[[ -d $LAB_DIR/debs && -f $LAB_DIR/debs/Packages ]] || lab_die "no package repository: run lab/packages.sh first"
for tool in xorriso ssh ssh-keygen qemu-img; do command -v "$tool" >/dev/null || lab_die "missing $tool"; done

clones_admin_key() {
  if [[ -n ${CLONES_ADMIN_KEY:-} ]]; then echo "$CLONES_ADMIN_KEY"; else echo "$CLONES_DIR/keys/admin"; fi
}

clones_make_seeds() {
  rm -rf "$CLONES_DIR"
  mkdir -p "$CLONES_DIR/keys"
  chmod 0700 "$CLONES_DIR" "$CLONES_DIR/keys"
  [[ -n ${CLONES_ADMIN_KEY:-} ]] || ssh-keygen -q -t ed25519 -N '' -C lab-clones-admin -f "$CLONES_DIR/keys/admin"
  : > "$CLONES_DIR/keys/known_hosts"
  local n peer seed
  for n in "${NODES[@]}"; do
    peer="${NODES[0]}"; [[ $n == "$peer" ]] && peer="${NODES[1]}"
    seed="$CLONES_DIR/seed-$n"
    mkdir -p "$seed/hainstall/ssh"
    # NoCloud, as a stock cloud image reads it: cloud-init mounts nothing for us, so runcmd does, then runs the stand-in.
    printf 'instance-id: %s\nlocal-hostname: %s\n' "$n" "$n" > "$seed/meta-data"
    cat > "$seed/user-data" <<'USERDATA'
#cloud-config
ssh_genkeytypes: [ed25519]
runcmd:
  - [sh, -c, 'mkdir -p /run/hainstall-seed && (mountpoint -q /run/hainstall-seed || mount -o ro LABEL=cidata /run/hainstall-seed) && sh /run/hainstall-seed/hainstall/node-prep.sh /run/hainstall-seed']
USERDATA
    printf 'config: disabled\n' > "$seed/network-config"
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
    if [[ -n ${CLONES_HOST_KEYS:-} ]]; then
      install -m 0600 "$CLONES_HOST_KEYS/$n/ssh_host_ed25519_key" "$seed/hainstall/ssh/"
      install -m 0644 "$CLONES_HOST_KEYS/$n/ssh_host_ed25519_key.pub" "$seed/hainstall/ssh/"
    else
      ssh-keygen -q -t ed25519 -N '' -C "$n" -f "$seed/hainstall/ssh/ssh_host_ed25519_key"
    fi
    cp "$(clones_admin_key).pub" "$seed/hainstall/authorized_keys"
    echo "${ADDR[$n]} $(cut -d' ' -f1,2 "$seed/hainstall/ssh/ssh_host_ed25519_key.pub")" >> "$CLONES_DIR/keys/known_hosts"
    cp -a "$LAB_DIR/debs" "$seed/hainstall/debs"
    xorriso -as mkisofs -quiet -V cidata -J -r -o "$CLONES_DIR/seed-$n.iso" "$seed" 2>/dev/null
    chmod 0600 "$CLONES_DIR/seed-$n.iso"   # it holds the node's host private key (as hainstall's seeds do)
    rm -rf "$seed"   # the host key's only copy left is inside the ISO (and CLONES_HOST_KEYS when given)
  done
}

# A clone by hand, as the installer's cloner does it through libvirt: the stub's XML with a new name, no
# UUID, new MACs, its own disks in the pool, its own serial log, the seed in the cdrom (ISO: its path, by default
# the clone's own seed beside its XML).
clones_define() {   # clones_define NODE [ISO]
  local n="$1" iso="${2:-$CLONES_DIR/seed-$1.iso}" image
  image="$(cat "$LAB_IMAGE_FILE")"   # the stub's own image (kernel, initrd and base belong together)
  qemu-img create -q -f qcow2 -F raw -b "$image/base.img" "$LAB_DIR/pool/$n.qcow2"
  lab_virsh pool-refresh "$LAB_POOL" >/dev/null
  lab_virsh vol-create-as "$LAB_POOL" "$n-data.qcow2" "$LAB_DATA_DISK_SIZE" --format qcow2 >/dev/null
  lab_virsh dumpxml --inactive "$LAB_STUB" | awk -v n="$n" -v stub="$LAB_STUB" -v m1="${MAC[$n]}" \
      -v m2="${RMAC[$n]}" -v iso="$iso" -v serial="$LAB_DIR/serial/$n.log" '
    /<uuid>/ { next }
    /<name>/ { sub(/>[^<]*</, ">" n "<") }
    /<mac address=/ { macs++; sub(/address=.[^"'"'"']*./, "address=\"" (macs == 1 ? m1 : m2) "\"") }
    /\/pool\// { gsub(stub, n) }
    /<source path=/ && serial_next { sub(/path=.[^"'"'"']*./, "path=\"" serial "\"") }
    /<serial type=/ { serial_next = 1 }
    /<\/serial>/ { serial_next = 0 }
    { print }
    /<disk type=.file. device=.cdrom.>/ { print "      <source file=\"" iso "\"/>" }
  ' > "$CLONES_DIR/$n.xml"
  lab_virsh define "$CLONES_DIR/$n.xml" >/dev/null
  : > "$LAB_DIR/serial/$n.log"
}

clones_define_all() { local n; for n in "${NODES[@]}"; do clones_define "$n"; done; }

# Removes the clones, their volumes and their seeds (nothing else: the names are the caller's own).
clones_remove() {
  local n
  for n in "${NODES[@]}"; do
    lab_virsh destroy "$n" >/dev/null 2>&1 || true
    lab_virsh undefine "$n" >/dev/null 2>&1 || true
    lab_virsh vol-delete --pool "$LAB_POOL" "$n.qcow2" >/dev/null 2>&1 || true
    lab_virsh vol-delete --pool "$LAB_POOL" "$n-data.qcow2" >/dev/null 2>&1 || true
    rm -f "$CLONES_DIR/seed-$n.iso"
  done
}

# The ssh command line reaching the clones from inside the namespace, host keys pinned (without the destination).
clones_ssh_argv() {
  CLONES_SSH=(ip netns exec "$LAB_NS" ssh -q -i "$(clones_admin_key)" -o BatchMode=yes -o StrictHostKeyChecking=yes
    -o UserKnownHostsFile="$CLONES_DIR/keys/known_hosts" -o ConnectTimeout=5 -o ServerAliveInterval=10)
}

clones_ssh() {  # NODE COMMAND...
  local n="$1"
  shift
  clones_ssh_argv
  "${CLONES_SSH[@]}" "root@${ADDR[$n]}" "$@"
}

# Starts the clones and waits until each answers on SSH; a clone that stops, or a timeout, ends it with its serial log.
clones_boot() {
  local n start=$SECONDS deadline=$((SECONDS + CLONES_BOOT_TIMEOUT_S)) pending=("${NODES[@]}") still
  for n in "${NODES[@]}"; do lab_virsh start "$n" >/dev/null; done
  while ((${#pending[@]})); do
    still=()
    for n in "${pending[@]}"; do
      if clones_ssh "$n" true 2>/dev/null; then
        lab_log "$n answers on SSH after $((SECONDS - start)) s"
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
      lab_die "no SSH from ${pending[*]} within $CLONES_BOOT_TIMEOUT_S s (serial logs in $LAB_DIR/serial)"
    fi
    sleep 2
  done
}
