#!/usr/bin/env bash
# Benchmark (figures, not a test; not in .ci/run): how long a DRBD resource takes from "both sides up" to
# Connected UpToDate/UpToDate with hainstall's two initial-sync choices — `full` (primary --force, the whole volume
# copied) and `skip` (new-current-uuid --clear-bitmap, both blank) — for two volume sizes, on the lab's two nodes.
# Uses a throwaway resource (minor 9, port 7799) on scratch volumes in vg_db2's free space, removed afterwards;
# the cluster's own resources are not touched.
# Usage (root, with a lab cluster up: E2E_KEEP=1 lab/e2e.sh): lab/bench-drbd.sh [SIZES_MIB...]   (default 32 128)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$LAB_SRC/e2e-cluster.sh"
lab_require_root
lab_ns_exists || lab_die "the lab is not up (E2E_KEEP=1 lab/e2e.sh leaves a cluster up)"
e2e_init
e2e_known_hosts

RES=hbench
both() { e2e_ssh "$A1" "$1" & e2e_ssh "$A2" "$1" & wait -n && wait -n; }
cleanup() {
  local a
  for a in "$A1" "$A2"; do
    e2e_ssh "$a" "drbdadm down $RES 2>/dev/null; rm -f /etc/drbd.d/$RES.res; lvremove -qy vg_db2/lv_$RES >/dev/null 2>&1; true" || true
  done
}
trap cleanup EXIT

resource_file() {
  cat <<EOF
resource $RES {
  net { protocol C; }
  on $N1 { device /dev/drbd9 minor 9; disk /dev/vg_db2/lv_$RES; address $(e2e_yaml 'nodes[0].replicationAddress'):7799; meta-disk internal; }
  on $N2 { device /dev/drbd9 minor 9; disk /dev/vg_db2/lv_$RES; address $(e2e_yaml 'nodes[1].replicationAddress'):7799; meta-disk internal; }
}
EOF
}

wait_on_a1() {   # wait_on_a1 TEST_COMMAND: polls on the first node, at most 10 minutes
  local deadline=$(( $(date +%s) + 600 ))
  until e2e_ssh "$A1" "$1"; do
    (( $(date +%s) < deadline )) || lab_die "timed out waiting for: $1"
    sleep 0.2
  done
}

# Seconds from the initial-sync command until both sides report UpToDate/UpToDate.
measure() {   # measure SIZE_MIB full|skip
  local size="$1" how="$2"
  cleanup
  for a in "$A1" "$A2"; do
    resource_file | e2e_ssh "$a" "cat > /etc/drbd.d/$RES.res"
  done
  both "lvcreate -qy -L ${size}M -n lv_$RES vg_db2 >/dev/null && wipefs -qa /dev/vg_db2/lv_$RES && drbdadm -- --force create-md $RES >/dev/null 2>&1 && drbdadm up $RES"
  wait_on_a1 "grep -q '^ 9: cs:Connected' /proc/drbd"
  local cmd elapsed
  if [[ $how == full ]]; then cmd="drbdadm primary --force $RES"; else cmd="drbdadm -- --clear-bitmap new-current-uuid $RES && drbdadm primary $RES"; fi
  # Timed on the node itself, polling /proc/drbd every 0.1 s (an SSH round trip per poll would blur small figures).
  elapsed="$(e2e_ssh "$A1" "s=\$(date +%s.%N); $cmd; until grep -q '^ 9: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate' /proc/drbd; do sleep 0.1; done; awk -v s=\$s -v e=\$(date +%s.%N) 'BEGIN { printf \"%.1f\", e - s }'")"
  awk -v t="$elapsed" -v n="$size" -v h="$how" \
    'BEGIN { printf "  %4d MiB  %-4s  ready after %6.1f s%s\n", n, h, t, (h == "full" ? sprintf("  (%.0f MB/s)", n * 1.048576 / t) : "") }'
  e2e_ssh "$A1" "drbdadm secondary $RES"
}

lab_log "DRBD ready time on $N1 + $N2 (TCG VMs; protocol C and DRBD's own sync defaults, as hainstall writes resources)"
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(32 128)
for size in "${sizes[@]}"; do
  measure "$size" full
  measure "$size" skip
done
