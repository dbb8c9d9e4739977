#!/usr/bin/env bash
# The lab's day-two phases (FAULTS 34–37, 39): Ctrl-C while create waits for the call backs; then, on the finished
# cluster, a power loss of the active node, its return, clean reboots of both nodes, a cold start of both and a cold
# start where only one node comes back. Every assertion reads the machines' own state (e2e_holds_service, /proc/drbd)
# or hainstall's exit status; the figures (failover, rejoin, cold start) go to E2E_OUT/daytwo-figures.
# Sourced by lab/e2e.sh after lab/e2e-cluster.sh (it uses its helpers).
# shellcheck shell=bash

E2E_FIGURES="${E2E_FIGURES:-$LAB_DIR/e2e/daytwo-figures}"
e2e_figure() { printf '%s %s\n' "$1" "$2" >>"$E2E_FIGURES"; lab_log "figure: $1 = $2"; }

# FAULT 39 on the libvirt path (lab/cluster.yaml, its own state folder): create clones the stub (a bridge NIC and a
# network NIC, both put on the config's libvirt networks), boots the clones from their seeds, and the first node
# calls back (cloud-init, python3, no curl on the stub: the libvirt path works up to there). The second clone is
# paused, so its call back is still awaited when SIGINT arrives. Within 5 s the command ends (exit 4), the VMs
# and volumes it defined are gone, no seed is left, and the journal records the cancelled provision step; the next
# create resumes that run, and a SIGINT in its wait ends it the same way.
E2E_LIBVIRT_STATE="${E2E_LIBVIRT_CONFIG%.yaml}.state"
e2e_libvirt_create_start() {   # e2e_libvirt_create_start LOG: create of the libvirt config; E2E_PID its pid
  e2e_bg "$E2E_OUT/$1" /dev/null ip netns exec "$LAB_NS" "$HAINSTALL" create --config "$E2E_LIBVIRT_CONFIG" --yes
  # A phase that fails leaves no create behind (phases run in subshells: this ends with the phase).
  trap 'kill -9 -- "-$E2E_PID" 2>/dev/null || true' EXIT
}
e2e_sigint_in_wait() {   # e2e_sigint_in_wait LOG: SIGINT to E2E_PID; checks exit 4 within 5 s and the undo
  local rc=0 t0 t1 took n run
  run="$(e2e_last_run create "$E2E_LIBVIRT_STATE")"
  t0=$(date +%s.%N)
  kill -INT "$E2E_PID"
  wait "$E2E_PID" || rc=$?
  t1=$(date +%s.%N)
  cat "$E2E_OUT/$1"
  took="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
  e2e_figure "ctrl-c-to-exit-s($1)" "$took"
  [[ $rc == 4 ]] || { e2e_fail "create exited $rc after SIGINT, not 4 (cancelled)"; return 1; }
  # The wait ends within 5 s (the watch's note in the event stream); the undo follows, the exit within 15 s.
  local ended stopped
  ended="$(grep -o '"type":"Notice","at":"[^"]*"[^}]*the wait for its call back ends' "$run/events.jsonl" | head -n1 \
    | sed 's/.*"at":"//; s/",.*//')"
  [[ -n $ended ]] || { e2e_fail "no note that the wait ended"; return 1; }
  stopped="$(awk -v a="$t0" -v b="$(date -d "$ended" +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
  e2e_figure "ctrl-c-to-wait-ended-s($1)" "$stopped"
  awk -v t="$stopped" 'BEGIN { exit !(t <= 5.0) }' || { e2e_fail "the wait ended $stopped s after SIGINT"; return 1; }
  awk -v t="$took" 'BEGIN { exit !(t <= 15.0) }' || { e2e_fail "create took $took s to exit after SIGINT"; return 1; }
  for n in "$N1" "$N2"; do
    if lab_virsh dominfo "$n" >/dev/null 2>&1; then e2e_fail "the clone $n is still defined after the cancel"; return 1; fi
    if lab_virsh vol-list "$LAB_POOL" | grep -q " $n-"; then e2e_fail "a volume of $n is left in $LAB_POOL"; return 1; fi
  done
  if find "$E2E_LIBVIRT_STATE/seeds" -name '*.iso' 2>/dev/null | grep -q .; then e2e_fail "a seed ISO was left"; return 1; fi
  { grep -q '"provision"' "$run/journal.json" && grep -qi 'cancel' "$run/journal.json"; } \
    || { e2e_fail "the journal does not record the cancelled provision step"; cat "$run/journal.json"; return 1; }
  lab_log "FAULT 39: SIGINT in the call-back wait: exit 4 after $took s; clones, volumes and seeds undone; journal kept"
}
e2e_ctrl_c_in_callback_wait() {
  rm -rf "$E2E_LIBVIRT_STATE"
  : >"$E2E_FIGURES"
  local deadline=$(( $(date +%s) + 600 )) paused="" run
  : >"$LAB_DIR/serial/$N1.log"; : >"$LAB_DIR/serial/$N2.log"   # not an earlier run's lines
  e2e_libvirt_create_start create-ctrl-c.log
  until grep -q "node-prep: called back: accepted" "$LAB_DIR/serial/$N1.log" 2>/dev/null; do
    # The second clone is paused as soon as it runs: its call back stays awaited, with nothing failing on it.
    if [[ -z $paused ]] && lab_output_matches '^running' lab_virsh domstate "$N2"; then
      lab_virsh suspend "$N2" >/dev/null && paused=yes && lab_log "paused $N2 (its call back stays awaited)"
    fi
    kill -0 "$E2E_PID" 2>/dev/null || { cat "$E2E_OUT/create-ctrl-c.log"; e2e_fail "create ended before $N1 called back"; return 1; }
    (( $(date +%s) < deadline )) || { kill -9 -- "-$E2E_PID"; e2e_fail "$N1 did not call back within 600 s"; return 1; }
    sleep 1
  done
  [[ -n $paused ]] || { kill -9 -- "-$E2E_PID"; e2e_fail "$N2 was not paused in time"; return 1; }
  grep -q "$N2: waiting for its call back" "$E2E_OUT/create-ctrl-c.log" || sleep 2
  lab_log "$N1 called back (libvirt clone, cloud-init, python3); $N2's call back is awaited: SIGINT"
  e2e_sigint_in_wait create-ctrl-c.log || return 1
  run="$(basename "$(e2e_last_run create "$E2E_LIBVIRT_STATE")")"
  # The journal lets the next run resume: it does, and a SIGINT in its own wait ends it the same way.
  e2e_libvirt_create_start create-ctrl-c-again.log
  deadline=$(( $(date +%s) + 300 ))
  until grep -q "waiting for its call back" "$E2E_OUT/create-ctrl-c-again.log" 2>/dev/null; do
    kill -0 "$E2E_PID" 2>/dev/null || { cat "$E2E_OUT/create-ctrl-c-again.log"; e2e_fail "the second create ended early"; return 1; }
    (( $(date +%s) < deadline )) || { kill -9 -- "-$E2E_PID"; e2e_fail "the second create never waited"; return 1; }
    sleep 0.5
  done
  grep -q "resuming run $run" "$E2E_OUT/create-ctrl-c-again.log" || { kill -9 -- "-$E2E_PID"; e2e_fail "create did not resume $run"; return 1; }
  e2e_sigint_in_wait create-ctrl-c-again.log
}

# The node that holds the service now, and the other one (addresses and names).
e2e_roles() {
  ACT="$(e2e_active)"
  [[ $ACT != none ]] || { e2e_fail "no node holds the service"; return 1; }
  if [[ $ACT == "$A1" ]]; then ACT_N="$N1"; SB="$A2"; SB_N="$N2"; else ACT_N="$N2"; SB="$A1"; SB_N="$N1"; fi
}
# Waits until ADDR holds the whole service (DRBD Primary, mounts, address, DB2 answering); prints the seconds it took.
e2e_wait_service_on() {   # e2e_wait_service_on ADDR LIMIT_S START_EPOCH
  local out
  until out="$(e2e_holds_service "$1" 2>&1)"; do
    (( $(date +%s) < $3 + $2 )) || { e2e_fail "$1 does not hold the service after $2 s: $out"; return 1; }
    sleep 2
  done
  echo $(( $(date +%s) - $3 ))
}
e2e_wait_any_service() {   # e2e_wait_any_service LIMIT_S START_EPOCH: prints "ADDR SECONDS"
  local a
  until a="$(e2e_active)"; [[ $a != none ]] && e2e_holds_service "$a" >/dev/null 2>&1; do
    (( $(date +%s) < $2 + $1 )) || { e2e_fail "no node holds the service $1 s after the start"; return 1; }
    sleep 3
  done
  echo "$a $(( $(date +%s) - $2 ))"
}
e2e_in_sync() {
  local a out
  for a in "$A1" "$A2"; do
    out="$(e2e_ssh "$a" 'cat /proc/drbd' 2>/dev/null)" || return 1
    [[ "$(grep -c 'cs:Connected.*ds:UpToDate/UpToDate' <<<"$out")" == 2 ]] || return 1
  done
}
e2e_wait_in_sync() {   # e2e_wait_in_sync LIMIT_S START_EPOCH: prints the seconds it took
  until e2e_in_sync; do
    (( $(date +%s) < $2 + $1 )) || { e2e_fail "DRBD not Connected UpToDate/UpToDate on both nodes after $1 s"; return 1; }
    sleep 3
  done
  echo $(( $(date +%s) - $2 ))
}
e2e_wait_ssh() {   # e2e_wait_ssh ADDR LIMIT_S: the node answers with its pinned host key (StrictHostKeyChecking=yes)
  local deadline=$(( $(date +%s) + $2 ))
  until e2e_ssh "$1" true 2>/dev/null; do
    (( $(date +%s) < deadline )) || { e2e_fail "$1 does not answer over SSH with its pinned host key after $2 s"; return 1; }
    sleep 3
  done
}
e2e_status() {   # e2e_status LOG: hainstall status, its output kept; returns its exit status
  local rc=0
  lab_nsexec "$HAINSTALL" status --config "$E2E_CONFIG" >"$E2E_OUT/$1" 2>&1 || rc=$?
  cat "$E2E_OUT/$1" >&2
  return "$rc"
}
e2e_host_keys_unchanged() {
  local a
  for a in "$A1" "$A2"; do
    e2e_ssh "$a" 'cat /etc/ssh/ssh_host_*_key.pub' | cut -d' ' -f1,2 >"$E2E_OUT/hostkeys-$a.now"
    grep -qxF -- "$(cut -d' ' -f1,2 "$E2E_OUT/hostkeys-$a.now")" "$E2E_OUT/known_hosts.keys" \
      || { e2e_fail "$a serves another host key than the pinned one"; return 1; }
    [[ $(wc -l <"$E2E_OUT/hostkeys-$a.now") == 1 ]] || { e2e_fail "$a serves more than its pinned host key"; return 1; }
  done
  e2e_ssh "$A1" 'test -f /etc/cloud/cloud-init.disabled' || { e2e_fail "cloud-init is still on for later boots"; return 1; }
}

# FAULT 35: the active node loses power (virsh destroy). The peer holds everything within deadtime + 60 s, and
# status says DEGRADED naming the lost node.
e2e_power_loss() {
  e2e_roles || return 1
  cut -d' ' -f2,3 "$E2E_OUT/known_hosts" >"$E2E_OUT/known_hosts.keys"
  printf 'LOST=%q\nLOST_N=%q\nSURVIVOR=%q\n' "$ACT" "$ACT_N" "$SB" >"$E2E_OUT/power-loss.env"
  lab_log "power loss: virsh destroy $ACT_N (active); $SB_N must take over within deadtime ${DEADTIME}s + 60 s"
  local t0 took
  t0=$(date +%s)
  lab_virsh destroy "$ACT_N" >/dev/null
  took="$(e2e_wait_service_on "$SB" $((DEADTIME + 60)) "$t0")" || return 1
  e2e_figure failover-power-loss-s "$took"
  if e2e_status status-degraded.log; then e2e_fail "status healthy with $ACT_N powered off"; return 1; fi
  { grep -q "DEGRADED" "$E2E_OUT/status-degraded.log" && grep -q "$ACT_N" "$E2E_OUT/status-degraded.log"; } \
    || { e2e_fail "status does not say DEGRADED naming $ACT_N"; return 1; }
  lab_log "FAULT 35: $SB_N holds the service $took s after $ACT_N lost power; status DEGRADED names it"
}

# FAULT 34 and 36: the lost node powered on again (its seed long gone): same host key, rejoins as standby, DRBD
# resyncs, status healthy, modify 0 changes.
e2e_rejoin() {
  # shellcheck source=/dev/null
  . "$E2E_OUT/power-loss.env"
  local t0 took
  t0=$(date +%s)
  lab_virsh start "$LOST_N" >/dev/null
  e2e_wait_ssh "$LOST" 300 || return 1
  took="$(e2e_wait_in_sync 300 "$t0")" || return 1
  e2e_figure rejoin-power-on-to-uptodate-s "$took"
  [[ "$(e2e_active)" == "$SURVIVOR" ]] || { e2e_fail "the service moved back to $LOST_N"; return 1; }
  e2e_host_keys_unchanged || return 1
  local deadline=$(( $(date +%s) + 120 ))
  until e2e_status status-rejoined.log; do
    (( $(date +%s) < deadline )) || { e2e_fail "status not healthy after $LOST_N rejoined"; return 1; }
    sleep 5
  done
  e2e_modify_no_change || return 1
  lab_log "FAULT 34/36: $LOST_N back as standby after $took s, in sync, same host key, status healthy, modify 0 changes"
}

# Clean reboots: the standby, then the active node (Heartbeat hands the service over, or keeps it).
e2e_reboots() {
  e2e_roles || return 1
  local t0 took a
  lab_log "reboot of the standby $SB_N"
  t0=$(date +%s)
  e2e_ssh "$SB" 'systemctl reboot' || true
  sleep 5
  e2e_wait_ssh "$SB" 300 || return 1
  took="$(e2e_wait_in_sync 300 "$t0")" || return 1
  [[ "$(e2e_active)" == "$ACT" ]] || { e2e_fail "rebooting the standby moved the service"; return 1; }
  e2e_figure reboot-standby-to-uptodate-s "$took"
  lab_log "reboot of the active node $ACT_N"
  t0=$(date +%s)
  e2e_ssh "$ACT" 'systemctl reboot' || true
  sleep 5
  read -r a took < <(e2e_wait_any_service 300 "$t0") || return 1
  e2e_figure reboot-active-service-back-s "$took"
  e2e_wait_ssh "$ACT" 300 || return 1
  e2e_wait_in_sync 300 "$t0" >/dev/null || return 1
  e2e_host_keys_unchanged || return 1
  lab_log "reboots: the standby came back in sync with the service untouched; after the active node's reboot $a serves"
}

# FAULT 37: both nodes lose power and come back; then both lose power and only one comes back.
e2e_cold_start() {
  local t0 a took
  lab_virsh destroy "$N1" >/dev/null; lab_virsh destroy "$N2" >/dev/null
  t0=$(date +%s)
  lab_virsh start "$N1" >/dev/null; lab_virsh start "$N2" >/dev/null
  read -r a took < <(e2e_wait_any_service 420 "$t0") || return 1
  e2e_figure cold-start-both-to-service-s "$took"
  e2e_wait_in_sync 300 "$t0" >/dev/null || return 1
  e2e_host_keys_unchanged || return 1
  lab_log "FAULT 37: cold start of both nodes: $a serves after $took s, DRBD in sync"
}
e2e_one_node_back() {
  e2e_roles || return 1
  local t0 a took
  lab_virsh destroy "$N1" >/dev/null; lab_virsh destroy "$N2" >/dev/null
  # The node that was the standby comes back alone: the harder case (the other one had the service last).
  t0=$(date +%s)
  lab_virsh start "$SB_N" >/dev/null
  if read -r a took < <(e2e_wait_any_service $((DRBD_WFC + 240)) "$t0"); then
    e2e_figure cold-start-one-node-to-service-s "$took"
    lab_log "FAULT 37: $SB_N came back alone and serves after $took s"
    if e2e_status status-one-node.log; then e2e_fail "status healthy with $ACT_N off"; return 1; fi
    grep -q "$ACT_N" "$E2E_OUT/status-one-node.log" || { e2e_fail "status does not name $ACT_N"; return 1; }
  else
    # It may not serve: then status must say exactly why, and what to run.
    e2e_status status-one-node.log && { e2e_fail "status healthy although nothing serves"; return 1; }
    { grep -q "$SB_N" "$E2E_OUT/status-one-node.log" && grep -qi "drbdadm\|hainstall" "$E2E_OUT/status-one-node.log"; } \
      || { e2e_fail "status does not say why $SB_N does not serve and what to run"; return 1; }
    lab_log "FAULT 37: $SB_N alone does not serve; status explains (see status-one-node.log)"
  fi
  t0=$(date +%s)
  lab_virsh start "$ACT_N" >/dev/null
  e2e_wait_any_service 420 "$t0" >/dev/null || return 1
  e2e_wait_in_sync 300 "$t0" >/dev/null || return 1
  local deadline=$(( $(date +%s) + 120 ))
  until e2e_status status-both-back.log; do
    (( $(date +%s) < deadline )) || { e2e_fail "status not healthy with both nodes back"; return 1; }
    sleep 5
  done
  e2e_modify_no_change || return 1
}
DRBD_WFC=60   # DrbdFiles.WFC_TIMEOUT_S: how long drbd.service waits at boot for a peer that was up before
