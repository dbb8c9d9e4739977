#!/usr/bin/env bash
# The lab's end-to-end phases once the lab is up (lab/up.sh): a real `create` on two VMs cloned from the stub,
# then assertions on the machines' own state over SSH (never on hainstall's log), a failover drill, a no-change
# `modify`, `reconstruct` (from the workstation and on a node), `status` and `switchover`.
# Sourced by lab/e2e.sh, which brings the lab up and down and prints the phase timings.
# shellcheck shell=bash

E2E_CONFIG="${E2E_CONFIG:-$LAB_SRC/cluster.yaml}"
E2E_SECRETS="${E2E_CONFIG%.yaml}.secrets"
E2E_STATE="${E2E_CONFIG%.yaml}.state"
E2E_OUT="$LAB_DIR/e2e"
HAINSTALL="$LAB_REPO/hainstall"

# Values of the lab config the assertions need (kept in one place: lab/cluster.yaml).
e2e_yaml() { "$HAINSTALL" get --config "$E2E_CONFIG" "$1"; }

e2e_init() {
  mkdir -p "$E2E_OUT"
  N1="$(e2e_yaml 'nodes[0].name')"; A1="$(e2e_yaml 'nodes[0].address')"
  N2="$(e2e_yaml 'nodes[1].name')"; A2="$(e2e_yaml 'nodes[1].address')"
  SERVICE="$(e2e_yaml 'network.serviceAddress')"
  UDP="$(e2e_yaml 'heartbeat.udpPort')"
  DEADTIME="$(e2e_yaml 'heartbeat.deadtime' | tr -dc 0-9)"
  INSTANCE="$(e2e_yaml 'db2.instances[0].name')"
  DATABASE="$(e2e_yaml 'db2.instances[0].databases[0].name')"
  MOUNT0="$(e2e_yaml 'replication.resources[0].filesystem.mountPoint')"
  MOUNT1="$(e2e_yaml 'replication.resources[1].filesystem.mountPoint')"
}

# ssh to a node with the cluster's key, the node's host key pinned from the secrets folder (never TOFU).
e2e_known_hosts() {
  : >"$E2E_OUT/known_hosts"
  local n a
  for n in "$N1:$A1" "$N2:$A2"; do
    a="${n#*:}"; n="${n%%:*}"
    printf '%s %s\n' "$a" "$(cut -d' ' -f1,2 "$E2E_SECRETS/nodes/$n/ssh_host_ed25519_key.pub")" >>"$E2E_OUT/known_hosts"
  done
}
e2e_ssh() {
  local addr="$1"; shift
  lab_nsexec ssh -i "$E2E_SECRETS/admin_ed25519" -o UserKnownHostsFile="$E2E_OUT/known_hosts" \
    -o StrictHostKeyChecking=yes -o BatchMode=yes -o ConnectTimeout=5 -o LogLevel=ERROR "root@$addr" "$@"
}
e2e_fail() { lab_log "E2E FAILED: $*"; return 1; }

# --- phases -------------------------------------------------------------------------------------------------

e2e_create() {
  rm -rf "$E2E_STATE"
  lab_nsexec "$HAINSTALL" create --config "$E2E_CONFIG" --yes 2>&1 | tee "$E2E_OUT/create.log"
  [[ ${PIPESTATUS[0]} == 0 ]] || e2e_fail "hainstall create exited non-zero"
}

# Which node holds DRBD Primary now, on every resource (/proc/drbd of DRBD 8.4: "ro:Local/Peer").
e2e_primary_count() { e2e_ssh "$1" "grep -c 'ro:Primary/' /proc/drbd" 2>/dev/null || echo 0; }
e2e_active() {
  if [[ "$(e2e_primary_count "$A1")" == 2 ]]; then echo "$A1"
  elif [[ "$(e2e_primary_count "$A2")" == 2 ]]; then echo "$A2"
  else echo none; fi
}

# The active node holds everything: DRBD Primary on all resources, both mounts, the service address, the
# instance's db2sysc process, and the database listed.
e2e_holds_service() {
  local a="$1"
  [[ "$(e2e_primary_count "$a")" == 2 ]] || { echo "not Primary on both resources"; return 1; }
  e2e_ssh "$a" "findmnt -n $MOUNT0 >/dev/null && findmnt -n $MOUNT1 >/dev/null" || { echo "filesystems not mounted"; return 1; }
  e2e_ssh "$a" "ip -o -4 addr show | grep -q ' $SERVICE/'" || { echo "no service address"; return 1; }
  e2e_ssh "$a" "pgrep -u $INSTANCE db2sysc >/dev/null" || { echo "instance not running"; return 1; }
  e2e_ssh "$a" "su - $INSTANCE -c '. ~/sqllib/db2profile && db2 list database directory' | grep -q 'Database name *= *$DATABASE'" \
    || { echo "database $DATABASE not listed"; return 1; }
}

e2e_assert_cluster() {
  local a n out
  for a in "$A1" "$A2"; do
    out="$(e2e_ssh "$a" 'cat /proc/drbd')"
    printf '%s\n' "$out" >"$E2E_OUT/proc-drbd-$a"
    [[ "$(grep -c 'cs:Connected.*ds:UpToDate/UpToDate' <<<"$out")" == 2 ]] || e2e_fail "$a: DRBD not Connected UpToDate/UpToDate: $out" || return 1
    e2e_ssh "$a" "systemctl is-active --quiet heartbeat" || e2e_fail "$a: heartbeat not running" || return 1
    e2e_ssh "$a" "grep -Eq '^udpport[[:space:]]+$UDP\b' /etc/ha.d/ha.cf" || e2e_fail "$a: ha.cf lacks udpport $UDP" || return 1
    e2e_ssh "$a" "ss -uln | grep -q ':$UDP\b'" || e2e_fail "$a: nothing listens on UDP $UDP" || return 1
    e2e_ssh "$a" "test -x /opt/ibm/db2/V11.5/bin/db2level && id db2inst1 >/dev/null && grep -q '^db2c_db2inst1' /etc/services" \
      || e2e_fail "$a: DB2 (stand-in) not installed, or instance owner / port missing" || return 1
    e2e_ssh "$a" "findmnt -n /backup >/dev/null && test -f /etc/cron.d/hainstall-db2-backup" \
      || e2e_fail "$a: local backup filesystem or schedule missing" || return 1
    n="$(e2e_ssh "$a" uname -n)"
    [[ $n == "$N1" || $n == "$N2" ]] || e2e_fail "$a: hostname $n" || return 1
  done
  lab_log "both nodes: DRBD Connected UpToDate/UpToDate, Heartbeat running on UDP $UDP, hostnames as configured"
}

# The service: one node holds DRBD Primary, the mounts, the service address, the running instance, the database.
e2e_assert_service() {
  local a out
  # Heartbeat takes the resources once both nodes see each other (initdead at most): wait for it.
  local deadline=$(( $(date +%s) + 180 ))
  until a="$(e2e_active)"; [[ $a != none ]] && out="$(e2e_holds_service "$a")"; do
    (( $(date +%s) < deadline )) || { e2e_fail "no node holds the service after 180 s: active=$a ${out:-}"; \
      e2e_ssh "$A1" 'cat /proc/drbd; cl_status rscstatus; tail -20 /var/log/ha-log 2>/dev/null' || true; return 1; }
    sleep 3
  done
  lab_log "cluster healthy; active node $a"
}

e2e_failover() {
  local first second deadline out
  first="$(e2e_active)"
  if [[ $first == "$A1" ]]; then second="$A2"; else second="$A1"; fi
  lab_log "failover drill: stopping heartbeat on $first; $second must take over within deadtime ${DEADTIME}s + 60s"
  e2e_ssh "$first" systemctl stop heartbeat
  deadline=$(( $(date +%s) + DEADTIME + 60 ))
  until out="$(e2e_holds_service "$second")"; do
    (( $(date +%s) < deadline )) || { e2e_fail "$second did not take over: $out"; return 1; }
    sleep 2
  done
  lab_log "failover: $second holds the service after $(( $(date +%s) - deadline + DEADTIME + 60 )) s"
  e2e_ssh "$first" systemctl start heartbeat
  # It rejoins as standby (autoFailback false): wait until both DRBD links are in sync again, then check roles.
  deadline=$(( $(date +%s) + 120 ))
  until [[ "$(e2e_ssh "$first" cat /proc/drbd | grep -c 'cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate')" == 2 ]]; do
    (( $(date +%s) < deadline )) || { e2e_fail "$first did not rejoin as standby"; return 1; }
    sleep 2
  done
  [[ "$(e2e_active)" == "$second" ]] || { e2e_fail "the service moved back"; return 1; }
  lab_log "failover drill passed: $first rejoined as standby"
}

e2e_modify_no_change() {
  local before
  before="$(e2e_active)"
  lab_nsexec "$HAINSTALL" modify --config "$E2E_CONFIG" --yes 2>&1 | tee "$E2E_OUT/modify.log"
  [[ ${PIPESTATUS[0]} == 0 ]] || { e2e_fail "modify exited non-zero"; return 1; }
  grep -Eq '(^|[^0-9])0 changed' "$E2E_OUT/modify.log" || { e2e_fail "modify reported changes"; return 1; }
  [[ "$(e2e_active)" == "$before" ]] || { e2e_fail "modify moved the service"; return 1; }
}

e2e_reconstruct() {
  local out="$E2E_OUT/reconstructed.yaml"
  rm -f "$out"
  lab_nsexec "$HAINSTALL" reconstruct --config "$E2E_CONFIG" --from "$N2" --output "$out" || { e2e_fail "reconstruct"; return 1; }
  "$HAINSTALL" validate --config "$out" || { e2e_fail "the reconstructed config does not validate"; return 1; }
  "$HAINSTALL" diff --normalize "$E2E_CONFIG" "$out" || { e2e_fail "reconstructed config differs"; return 1; }
  grep -Eq 'BEGIN OPENSSH|shared-secret|sha1 [0-9a-f]{16}' "$out" && { e2e_fail "a secret in the reconstructed config"; return 1; }
  return 0
}

e2e_status_and_switchover() {
  lab_nsexec "$HAINSTALL" status --config "$E2E_CONFIG" || { e2e_fail "status says degraded on a healthy cluster"; return 1; }
  e2e_ssh "$A1" systemctl stop heartbeat
  if lab_nsexec "$HAINSTALL" status --config "$E2E_CONFIG"; then e2e_fail "status healthy while heartbeat is stopped"; return 1; fi
  e2e_ssh "$A1" systemctl start heartbeat
  local deadline=$(( $(date +%s) + 180 ))
  until lab_nsexec "$HAINSTALL" status --config "$E2E_CONFIG" >/dev/null 2>&1; do
    (( $(date +%s) < deadline )) || { e2e_fail "cluster not healthy again"; return 1; }
    sleep 3
  done
  local before after
  before="$(e2e_active)"
  lab_nsexec "$HAINSTALL" switchover --config "$E2E_CONFIG" || { e2e_fail "switchover"; return 1; }
  after="$(e2e_active)"
  [[ $after != "$before" && $after != none ]] || { e2e_fail "switchover did not move the service ($before → $after)"; return 1; }
}

# No secret in anything the runs left on the workstation (logs, events, journal, configs, terminal copies);
# log and secret file modes checked. The scan names the file and which secret, never the value.
e2e_scan_secrets() {
  "$HAINSTALL" scan-secrets --config "$E2E_CONFIG" "$E2E_STATE" "$E2E_CONFIG" --content-only "$E2E_OUT" \
    || { e2e_fail "a secret or a loose mode in the run's files (see above)"; return 1; }
}
