#!/usr/bin/env bash
# Benchmark: `hainstall create` beside the same cluster built by a plain script over ssh, the hand-made way
# (lab/by-hand/cluster-by-hand.sh), phase by phase. The ratio is hainstall's orchestration overhead.
#   1. hainstall create of lab/cluster.yaml on fresh VMs (its run folder gives each phase's time); its VMs removed.
#   2. Two fresh clones of the same stub, made by hand (lab/clones.sh: the same names, addresses and keys), the
#      plain script run against them, each phase timed; then the lab's own check that the hand-made cluster holds
#      the service (the same check the end-to-end test makes of hainstall's).
#   3. `hainstall modify` adopts the hand-made cluster, and a second `modify` must report 0 changes (modify on two
#      VMs hainstall did not create).
#   4. The comparison table (./bench --by-hand).
# A benchmark, not a test: it is not part of ./run-tests. About 15–20 minutes on TCG guests.
# Usage: lab/bench-by-hand.sh     (root; the lab up: lab/up.sh, and no cluster VMs in it yet)
#        BENCH_KEEP=1 leaves the hand-made cluster running (lab/down.sh ends everything).
#        BENCH_PHASES="by-hand by-hand-check" runs only the named phases (hainstall-create by-hand by-hand-check
#        adopt), with what earlier phases left in lab/work/bench-by-hand; the table is printed when its inputs exist.
set -euo pipefail
umask 077   # its logs are run logs: 0600, like hainstall's own
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lab_require_root
lab_ns_exists || lab_die "the lab is down: lab/build-image.sh && lab/packages.sh && lab/up.sh first"

# The end-to-end test's pieces: the lab config and its folders (E2E_CONFIG, E2E_SECRETS, E2E_STATE), its values
# (e2e_init: N1, A1, N2, A2, …), ssh with the cluster's key, and its checks of a healthy cluster.
. "$LAB_SRC/e2e-cluster.sh"
OUT="$LAB_DIR/bench-by-hand"
E2E_OUT="$OUT/check"
DB2_IMAGE="$LAB_DIR/db2-standin.tar.gz"

# Built outside the namespace (Maven needs the registry): the installer and the DB2 stand-in image.
"$HAINSTALL" --version >/dev/null
"$LAB_SRC/db2-standin/build.sh" "$DB2_IMAGE" >/dev/null
e2e_init
bench_wants() { [[ -z ${BENCH_PHASES:-} || " $BENCH_PHASES " == *" $1 "* ]]; }
bench_phase() { if bench_wants "$1"; then lab_phase "$@"; fi; }
for n in "$N1" "$N2"; do
  ! lab_virsh dominfo "$n" >/dev/null 2>&1 || ! { bench_wants hainstall-create || bench_wants by-hand; } \
    || lab_die "VM $n already exists in the lab; the benchmark needs fresh nodes: lab/down.sh && lab/up.sh"
done
if bench_wants hainstall-create; then rm -rf "$OUT"; fi
mkdir -p "$E2E_OUT"   # (inside OUT)

# --- 1. hainstall create ---------------------------------------------------------------------------------------
hainstall_create() {
  rm -rf "$E2E_STATE"   # a fresh run: an unfinished earlier one would be resumed
  local start=$SECONDS
  lab_nsexec "$HAINSTALL" create --config "$E2E_CONFIG" --yes >"$OUT/create.log" 2>&1 \
    || { tail -30 "$OUT/create.log"; lab_die "hainstall create failed (log: $OUT/create.log)"; }
  cp -a "$(e2e_last_run create)" "$OUT/create-run"
  lab_log "hainstall create: $((SECONDS - start)) s for the whole command (run folder copied to $OUT/create-run)"
  local n
  for n in "$N1" "$N2"; do
    lab_virsh destroy "$n" >/dev/null 2>&1 || true
    lab_virsh undefine "$n" --remove-all-storage >/dev/null
  done
  lab_log "hainstall's VMs removed"
}

# --- 2. the same by hand ---------------------------------------------------------------------------------------
NODES=("$N1" "$N2")
declare -A ADDR REPL MAC RMAC
ADDR[$N1]="$A1"; ADDR[$N2]="$A2"
REPL[$N1]="$(e2e_yaml 'nodes[0].replicationAddress')"; REPL[$N2]="$(e2e_yaml 'nodes[1].replicationAddress')"
MAC[$N1]=52:54:00:5b:00:01; MAC[$N2]=52:54:00:5b:00:02; RMAC[$N1]=52:54:00:5b:01:01; RMAC[$N2]=52:54:00:5b:01:02
CLONES_DIR="$OUT/clones"
CLONES_ADMIN_KEY="$E2E_SECRETS/admin_ed25519"   # the cluster's own keys: hainstall modify and the checks reach
CLONES_HOST_KEYS="$E2E_SECRETS/nodes"           # the hand-made nodes exactly as they reached hainstall's
. "$LAB_SRC/clones.sh"

by_hand() {
  local start=$SECONDS
  clones_make_seeds
  clones_define_all
  clones_boot
  echo "phase provision $((SECONDS - start))" >"$OUT/by-hand.times"
  clones_ssh_argv
  SSH_CMD="${CLONES_SSH[*]}" SECRETS="$E2E_SECRETS" DB2_IMAGE="$DB2_IMAGE" "$LAB_SRC/by-hand/cluster-by-hand.sh" >>"$OUT/by-hand.times" 2>"$OUT/by-hand.log" \
    || { tail -30 "$OUT/by-hand.log"; lab_die "the plain script failed (log: $OUT/by-hand.log)"; }
  sed 's/^/  /' "$OUT/by-hand.times" >&2
}

# The end-to-end test's own check of a healthy cluster: the active node holds both DRBD resources, their
# filesystems, the service address, the running instance and its database.
by_hand_check() {
  e2e_known_hosts
  e2e_assert_service
}

# --- 3. hainstall adopts it ------------------------------------------------------------------------------------
adopt() {
  e2e_known_hosts
  lab_nsexec "$HAINSTALL" modify --config "$E2E_CONFIG" --yes >"$OUT/adopt-modify.log" 2>&1 \
    || { cat "$OUT/adopt-modify.log"; lab_die "modify of the hand-made cluster failed"; }
  grep -E 'changed|^done|summary' "$OUT/adopt-modify.log" | tail -n 25 >&2 || true
  # the next modify: exit 0, 0 changes, the service where it was (its log: check/modify.log)
  e2e_modify_no_change >/dev/null || lab_die "the next modify of the hand-made cluster changed something"
  e2e_assert_service
  lab_log "hainstall modify adopted the hand-made cluster; the next modify changed nothing"
}

finish() {
  local rc=$?
  if [[ ${BENCH_KEEP:-0} == 1 || -n ${BENCH_PHASES:-} ]]; then
    lab_log "the hand-made cluster stays up (if built): lab/down.sh ends everything"
  else
    clones_remove
    # Nothing secret left in what the benchmark wrote (the seeds, with the host keys, went with the clones).
    "$HAINSTALL" scan-secrets --config "$E2E_CONFIG" "$OUT" >&2 || rc=1
  fi
  lab_print_phases
  exit "$rc"
}
trap finish EXIT

bench_phase hainstall-create hainstall_create
bench_phase by-hand by_hand
bench_phase by-hand-check by_hand_check
bench_phase adopt adopt
if [[ -d $OUT/create-run && -f $OUT/by-hand.times ]]; then
  "$LAB_REPO/bench" --by-hand "$OUT/create-run" "$OUT/by-hand.times" | tee "$OUT/comparison.txt"
fi
