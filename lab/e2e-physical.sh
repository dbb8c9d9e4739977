#!/usr/bin/env bash
# The physical path for real (provisioning.kind: physical): machines hainstall does not define. The lab defines them
# as an admin racks machines — its own disks, the MACs the config names, the node's seed ISO in the CD drive (the
# path hainstall writes it to) — and powers one on when hainstall asks for it, as an admin would. The lab's cluster
# is built this way (the libvirt path is proven up to its call backs by the Ctrl-C phase, lab/e2e-daytwo.sh):
#   physical-stall: only the first node is powered on; the other never is. create ends in the stall alert and fails
#                   naming it, after provisioning.callbackTimeout; nothing else is touched (the first node stays as
#                   prepared, the second stays off and defined).
#   create-killed (lab/e2e-cluster.sh) then asks only for the unprepared node, and the lab powers it on.
# Sourced by lab/e2e.sh before lab/e2e-cluster.sh's phases; sets E2E_CONFIG to the physical config.
# shellcheck shell=bash

PHYS_DIR="$LAB_DIR/physical"
E2E_LIBVIRT_CONFIG="$LAB_SRC/cluster.yaml"
E2E_CONFIG="$PHYS_DIR/lab-db.yaml"
declare -A PHYS_MAC=([lab-db1]=52:54:00:7a:00:11 [lab-db2]=52:54:00:7a:00:12)
declare -A PHYS_RMAC=([lab-db1]=52:54:00:7a:01:11 [lab-db2]=52:54:00:7a:01:12)

# lab/cluster.yaml as a physical cluster: everything the same but how the machines come to exist. Made when the lab's
# end-to-end test starts from scratch (its secrets and state folders beside it are new then).
e2e_physical_config() {
  rm -rf "$PHYS_DIR"; mkdir -p "$PHYS_DIR"; chmod 0700 "$PHYS_DIR"
  awk -v m1="${PHYS_MAC[lab-db1]}" -v r1="${PHYS_RMAC[lab-db1]}" -v m2="${PHYS_MAC[lab-db2]}" -v r2="${PHYS_RMAC[lab-db2]}" '
    /^provisioning:/ { print; print "  kind: physical"; print "  callbackTimeout: 3m          # the stall drill waits this long"; skip = 1; next }
    skip && /^[^ ]/ { skip = 0 }
    skip { next }
    /^  - name: lab-db1/ { node = 1 }
    /^  - name: lab-db2/ { node = 2 }
    { print }
    /^    address: / && node { print "    mac: " (node == 1 ? m1 : m2); print "    replicationMac: " (node == 1 ? r1 : r2); node = 0 }
  ' "$E2E_LIBVIRT_CONFIG" >"$E2E_CONFIG"
  "$LAB_REPO/hainstall" validate --config "$E2E_CONFIG" >/dev/null || { lab_log "the physical config does not validate"; return 1; }
}

# The machines: defined by the lab (clones.sh's hand-made clone), the seed's future path in the CD drive.
e2e_physical_machines() {
  local -A MAC=() RMAC=()
  local n
  CLONES_DIR="$PHYS_DIR/machines"
  mkdir -p "$CLONES_DIR"
  for n in "$N1" "$N2"; do
    # shellcheck disable=SC2034  # read by clones_define
    MAC[$n]="${PHYS_MAC[$n]}"
    # shellcheck disable=SC2034  # read by clones_define
    RMAC[$n]="${PHYS_RMAC[$n]}"
    clones_define "$n" "$E2E_STATE/seeds/$n-seed.iso"
  done
  lab_log "machines $N1 and $N2 defined by the lab (shut off), MACs as the physical config names them"
}

# Starts create on a FIFO for stdin; beside it, the lab answers each power-on prompt (Enter) once it has powered the
# machine on — for the nodes named, the others it leaves off. E2E_PID is create's pid (a process group of its own).
e2e_physical_start() {   # e2e_physical_start LOG POWER_ON_NODES...
  local log="$E2E_OUT/$1" fifo="$PHYS_DIR/stdin.$RANDOM"
  shift
  mkfifo "$fifo"
  e2e_bg "$log" "$fifo" ip netns exec "$LAB_NS" "$HAINSTALL" create --config "$E2E_CONFIG" --yes
  e2e_answer_power_on "$E2E_PID" "$log" "$fifo" "$@" &
}
e2e_answer_power_on() {   # PID LOG FIFO NODES...
  local pid="$1" log="$2" fifo="$3" n answered=""
  shift 3
  exec 8>"$fifo"
  while kill -0 "$pid" 2>/dev/null; do
    for n in "$N1" "$N2"; do
      [[ " $answered " == *" $n "* ]] && continue
      grep -q ">>> $n: Power on $n" "$log" 2>/dev/null || continue
      answered+=" $n"
      if [[ " $* " == *" $n "* ]]; then
        lab_log "hainstall asks for $n: powering it on with its seed in the CD drive"
        lab_virsh start "$n" >/dev/null || lab_log "the lab could not power $n on (create will wait for it)"
        echo >&8
      else
        lab_log "hainstall asks for $n: the lab leaves it off (nobody walks to it)"
      fi
    done
    sleep 1
  done
  exec 8>&-
  rm -f "$fifo"
}

# The admin takes the seed media out, as hainstall tells them to (they hold the nodes' private host keys).
e2e_eject_seeds() {
  local n
  for n in "$N1" "$N2"; do
    lab_virsh change-media "$n" hdc --eject --config --live >/dev/null 2>&1 \
      || lab_virsh change-media "$n" hdc --eject --config >/dev/null 2>&1 || true
  done
}

e2e_physical_stall() {
  e2e_physical_machines || return 1
  local rc=0
  e2e_physical_start create-physical-stall.log "$N1"
  wait "$E2E_PID" || rc=$?
  wait
  cat "$E2E_OUT/create-physical-stall.log"
  [[ $rc != 0 ]] || { e2e_fail "create succeeded although $N2 was never powered on"; return 1; }
  grep -q "warning: .*$N2: no sign of life" "$E2E_OUT/create-physical-stall.log" \
    || { e2e_fail "no stall alert naming $N2"; return 1; }
  grep -q "no call back from $N2" "$E2E_OUT/create-physical-stall.log" \
    || { e2e_fail "the failure does not name $N2"; return 1; }
  lab_output_matches '^shut off' lab_virsh domstate "$N2" || { e2e_fail "$N2 was touched"; return 1; }
  lab_output_matches '^running' lab_virsh domstate "$N1" || { e2e_fail "$N1 does not run any more"; return 1; }
  lab_log "physical: $N2 never powered on: stall alert, create failed naming it; $N1 prepared, $N2 untouched"
}
