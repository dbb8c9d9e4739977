#!/usr/bin/env bash
# The physical path for real (provisioning.kind: physical): machines hainstall does not define. The lab defines them
# as an admin racks machines — its own disks, the MACs the config names, the node's seed ISO in the CD drive (the
# path hainstall writes it to) — and powers one on when hainstall asks for it, as an admin would.
#   physical-stall:  only the first node is powered on; the other never is. create ends in the stall alert and fails
#                    naming it, after provisioning.callbackTimeout; nothing else is touched (the first node stays as
#                    prepared, the second stays off and defined).
#   physical-create: create again: only the unprepared node is asked for; the lab powers it on; the whole cluster is
#                    built on the two machines; the seeds are ejected as the admin is told to.
# Runs after the libvirt cluster's phases, whose clones it removes first (same names and addresses).
# Sourced by lab/e2e.sh after lab/e2e-cluster.sh.
# shellcheck shell=bash

PHYS_DIR="$LAB_DIR/physical"
PHYS_CONFIG="$PHYS_DIR/lab-db.yaml"
PHYS_STATE="$PHYS_DIR/lab-db.state"
declare -A PHYS_MAC=([lab-db1]=52:54:00:7a:00:11 [lab-db2]=52:54:00:7a:00:12)
declare -A PHYS_RMAC=([lab-db1]=52:54:00:7a:01:11 [lab-db2]=52:54:00:7a:01:12)
# The lab's config as a physical cluster: everything the same but how the machines come to exist.
PHYS_SET=(--set provisioning.kind=physical --set provisioning.libvirt= --set provisioning.callbackTimeout=3m
  --set "nodes[0].mac=${PHYS_MAC[lab-db1]}" --set "nodes[0].replicationMac=${PHYS_RMAC[lab-db1]}"
  --set "nodes[1].mac=${PHYS_MAC[lab-db2]}" --set "nodes[1].replicationMac=${PHYS_RMAC[lab-db2]}")

# The libvirt cluster's clones go (hainstall's own create made them; the lab removes them as a test fixture would).
e2e_remove_libvirt_cluster() {
  local n
  for n in "$N1" "$N2"; do
    lab_virsh destroy "$n" >/dev/null 2>&1 || true
    lab_virsh undefine "$n" >/dev/null 2>&1 || true
    lab_virsh vol-delete --pool "$LAB_POOL" "$n-vda.qcow2" >/dev/null 2>&1 || true
    lab_virsh vol-delete --pool "$LAB_POOL" "$n-vdb.qcow2" >/dev/null 2>&1 || true
  done
}

# The machines: defined by the lab (clones.sh's hand-made clone), the seed's future path in the CD drive.
e2e_physical_machines() {
  rm -rf "$PHYS_DIR"; mkdir -p "$PHYS_DIR"; chmod 0700 "$PHYS_DIR"
  cp "$E2E_CONFIG" "$PHYS_CONFIG"
  "$HAINSTALL" validate --config "$PHYS_CONFIG" "${PHYS_SET[@]}" >/dev/null || { e2e_fail "the physical config"; return 1; }
  local -A MAC=() RMAC=()
  local n
  for n in "$N1" "$N2"; do
    # shellcheck disable=SC2034  # read by clones_define
    MAC[$n]="${PHYS_MAC[$n]}"
    # shellcheck disable=SC2034  # read by clones_define
    RMAC[$n]="${PHYS_RMAC[$n]}"
    CLONES_DIR="$PHYS_DIR/machines"
    mkdir -p "$CLONES_DIR"
    clones_define "$n"
    sed -i "s|$CLONES_DIR/seed-$n.iso|$PHYS_STATE/seeds/$n-seed.iso|" "$CLONES_DIR/$n.xml"
    lab_virsh define "$CLONES_DIR/$n.xml" >/dev/null
  done
  lab_log "machines $N1 and $N2 defined by the lab (shut off), MACs as the physical config names them"
}

# create on a FIFO for stdin: the lab answers each power-on prompt (Enter) after it has powered the machine on.
# e2e_physical_create LOG POWER_ON_NODES... : returns create's exit status.
e2e_physical_create() {
  local log="$E2E_OUT/$1" fifo="$PHYS_DIR/stdin" pid rc=0 n answered=""
  shift
  rm -f "$fifo"; mkfifo "$fifo"
  setsid ip netns exec "$LAB_NS" "$HAINSTALL" create --config "$PHYS_CONFIG" "${PHYS_SET[@]}" --yes <"$fifo" >"$log" 2>&1 &
  pid=$!
  exec 8>"$fifo"
  while kill -0 "$pid" 2>/dev/null; do
    for n in "$N1" "$N2"; do
      [[ " $answered " == *" $n "* ]] && continue
      grep -q ">>> $n: Power on $n" "$log" 2>/dev/null || continue
      answered+=" $n"
      if [[ " $* " == *" $n "* ]]; then
        lab_log "hainstall asks for $n: powering it on with its seed in the CD drive"
        lab_virsh start "$n" >/dev/null
        echo >&8
      else
        lab_log "hainstall asks for $n: the lab leaves it off (nobody walks to it)"
      fi
    done
    sleep 1
  done
  wait "$pid" || rc=$?
  exec 8>&-
  rm -f "$fifo"
  cat "$log"
  return "$rc"
}

e2e_physical_stall() {
  e2e_remove_libvirt_cluster
  e2e_physical_machines || return 1
  local rc=0
  e2e_physical_create create-physical-stall.log "$N1" || rc=$?
  [[ $rc != 0 ]] || { e2e_fail "create succeeded although $N2 was never powered on"; return 1; }
  grep -q "warning: .*$N2: no sign of life" "$E2E_OUT/create-physical-stall.log" \
    || { e2e_fail "no stall alert naming $N2"; return 1; }
  grep -q "no call back from $N2" "$E2E_OUT/create-physical-stall.log" \
    || { e2e_fail "the failure does not name $N2"; return 1; }
  lab_output_matches '^shut off' lab_virsh domstate "$N2" || { e2e_fail "$N2 was touched"; return 1; }
  lab_output_matches '^running' lab_virsh domstate "$N1" || { e2e_fail "$N1 does not run any more"; return 1; }
  lab_log "physical: $N2 never powered on: stall alert, create failed naming it; $N1 prepared, $N2 untouched"
}

e2e_physical_full_create() {
  local rc=0
  e2e_physical_create create-physical.log "$N2" || rc=$?
  [[ $rc == 0 ]] || { e2e_fail "create on the physical machines exited $rc"; return 1; }
  if grep -q ">>> $N1: Power on" "$E2E_OUT/create-physical.log"; then
    e2e_fail "$N1, prepared already, was asked for again"; return 1
  fi
  # The admin removes the seed media, as hainstall tells them to (they hold the nodes' private host keys).
  local n
  for n in "$N1" "$N2"; do lab_virsh change-media "$n" hdc --eject --config --live >/dev/null 2>&1 || true; done
  E2E_SECRETS="$PHYS_DIR/lab-db.secrets" e2e_known_hosts
  E2E_SECRETS="$PHYS_DIR/lab-db.secrets" e2e_assert_cluster || return 1
  E2E_SECRETS="$PHYS_DIR/lab-db.secrets" e2e_assert_service || return 1
  lab_log "physical: create built the cluster on machines it did not define"
}
