#!/usr/bin/env bash
# The lab's end-to-end phases once the lab is up (lab/up.sh): a real `create` on two VMs cloned from the stub —
# killed mid-run and resumed, once with the replication link cut — then assertions on the machines' own state over
# SSH (never on hainstall's log), a failover drill, a no-change `modify`, `reconstruct` (from the workstation and on
# a node) and `modify` with a recovered config, `status` and `switchover`, and faults on the standby's disk and DB2
# before `modify` rebuilds it.
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
  DB2_PATH="$(e2e_yaml 'db2.installPath')"
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
# A folder's files and their hashes on a node (paths relative to it): equal output, unchanged files.
e2e_tree_hashes() { e2e_ssh "$1" "cd $2 && find . -type f -print0 | sort -z | xargs -0 sha256sum"; }
# A user's home directory on a node, as /etc/passwd has it.
e2e_home_of() { e2e_ssh "$1" "getent passwd $2 | cut -d: -f6"; }
# A modify that must refuse: its output in E2E_OUT/LOG, and shown; an exit 0 fails the phase.
e2e_modify_refused() {   # e2e_modify_refused LOG WHAT-IT-MUST-NOT-ACCEPT
  local rc=0
  lab_nsexec "$HAINSTALL" modify --config "$E2E_CONFIG" --yes >"$E2E_OUT/$1" 2>&1 || rc=$?
  cat "$E2E_OUT/$1"
  [[ $rc != 0 ]] || { e2e_fail "modify accepted $2"; return 1; }
}

# --- phases -------------------------------------------------------------------------------------------------

# Runs a command in the background as a job of its own (process group = its pid, for "kill -- -PID"), with SIGINT at
# its default, as a terminal's Ctrl-C finds it: a shell starts background commands with SIGINT ignored (and passes on
# an ignore it inherited, job control or not), and a JVM keeps an ignored SIGINT ignored.
e2e_bg() {   # e2e_bg OUT IN COMMAND...: sets E2E_PID
  local out="$1" in="$2"
  shift 2
  set -m
  python3 -c 'import os, signal as s, sys
for n in (s.SIGINT, s.SIGQUIT, s.SIGPIPE, s.SIGXFSZ): s.signal(n, s.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' \
    "$@" <"$in" >"$out" 2>&1 &
  E2E_PID=$!
  set +m
}

# The newest run folder of a mode ("create", "modify") in a state folder.
e2e_last_run() {
  [[ -d ${2:-$E2E_STATE}/runs ]] || return 0   # none yet (not an error: callers poll)
  find "${2:-$E2E_STATE}/runs" -mindepth 1 -maxdepth 1 -type d -name "*-$1" | sort | tail -n1
}
# The steps a run's event stream shows started / finished (one "node/step" or "step" per line).
e2e_steps() { grep -o "\"type\":\"Step$2\",\"at\":\"[^\"]*\",\"step\":\"[^\"]*\"" "$1/events.jsonl" | sed 's/.*"step":"//; s/"$//' | sort -u; }

# FAULT 29, first half: `create` killed with SIGKILL (no chance to clean up) while a node runs drbd-metadata.
e2e_create_killed() {
  local pid run="" deadline=$(( $(date +%s) + 900 ))
  # The machines are physical (lab/e2e-physical.sh): the lab powers on the one hainstall asks for.
  e2e_physical_start create-killed.log "$N2"
  pid=$E2E_PID
  until [[ -n $run ]] && grep -q "\"type\":\"StepStarted\"[^}]*\"step\":\"$N1/drbd-metadata\"" "$run/events.jsonl" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$E2E_OUT/create-killed.log"; e2e_fail "create ended before $N1/drbd-metadata started"; return 1; }
    (( $(date +%s) < deadline )) || { kill -9 -- "-$pid"; e2e_fail "$N1/drbd-metadata did not start within 900 s"; return 1; }
    run="$(e2e_last_run create)"
    sleep 0.5
  done
  kill -9 -- "-$pid"
  wait "$pid" 2>/dev/null || true
  if grep -q ">>> $N1: Power on" "$E2E_OUT/create-killed.log"; then
    e2e_fail "$N1, prepared by the earlier run, was asked for again"; return 1
  fi
  e2e_steps "$run" Finished >"$E2E_OUT/killed-run-finished-steps"
  lab_log "killed create (SIGKILL) while $N1/drbd-metadata ran; $(wc -l <"$E2E_OUT/killed-run-finished-steps") step(s) had finished"
}

# The tap device of a node's NIC on the replication network, in the lab's namespace.
e2e_repl_tap() { lab_virsh domiflist "$1" | awk -v net="$LAB_NET_REPL" '$3 == net {print $1}'; }
e2e_no_primary() {
  local a
  for a in "$A1" "$A2"; do
    [[ "$(e2e_primary_count "$a")" == 0 ]] || { e2e_fail "$a is DRBD Primary although the peer was unreachable"; return 1; }
  done
}

# FAULT 25 and the second half of FAULT 29: the replication link of the peer cut (its tap device down: a pulled
# cable), the re-run resumes the killed run without redoing a finished step, waits for the peer
# (replication.peerConnectTimeout), gives up naming it, and no node was made primary.
e2e_peer_unreachable() {
  local tap rc=0 run step KILLED_RUN
  KILLED_RUN="$(e2e_last_run create)"   # (phases run in subshells: found again, not handed over)
  tap="$(e2e_repl_tap "$N2")"
  [[ -n $tap ]] || { e2e_fail "no replication NIC found for $N2"; return 1; }
  lab_nsexec ip link set "$tap" down
  lab_log "cut $N2's replication link ($tap down)"
  lab_nsexec "$HAINSTALL" create --config "$E2E_CONFIG" --yes >"$E2E_OUT/create-peer-cut.log" 2>&1 || rc=$?
  lab_nsexec ip link set "$tap" up
  cat "$E2E_OUT/create-peer-cut.log"
  [[ $rc != 0 ]] || { e2e_fail "create succeeded with the replication link cut"; return 1; }
  grep -q "resuming run $(basename "$KILLED_RUN")" "$E2E_OUT/create-peer-cut.log" || { e2e_fail "the re-run did not resume the killed run"; return 1; }
  grep -q "the peer did not connect within 60 s" "$E2E_OUT/create-peer-cut.log" || { e2e_fail "no peer timeout reported"; return 1; }
  e2e_no_primary || return 1
  run="$(e2e_last_run create)"
  while read -r step; do
    if e2e_steps "$run" Started | grep -qx "$step"; then e2e_fail "$step finished in the killed run and ran again"; return 1; fi
  done <"$E2E_OUT/killed-run-finished-steps"
  lab_log "FAULT 29: resumed, none of the killed run's finished steps redone; FAULT 25: waited, named the peer, no Primary"
}

# The link restored: a third run resumes again and finishes the cluster.
e2e_create_resumed() {
  lab_nsexec "$HAINSTALL" create --config "$E2E_CONFIG" --yes 2>&1 | tee "$E2E_OUT/create.log"
  [[ ${PIPESTATUS[0]} == 0 ]] || { e2e_fail "the resumed create exited non-zero"; return 1; }
  grep -q "resuming run" "$E2E_OUT/create.log" || { e2e_fail "the third run did not resume"; return 1; }
  e2e_eject_seeds
}

# Which node holds DRBD Primary now, on every resource (/proc/drbd of DRBD 8.4: "ro:Local/Peer").
e2e_primary_count() {
  local n
  n="$(e2e_ssh "$1" "grep -c 'ro:Primary/' /proc/drbd || true" 2>/dev/null)" || n=0   # unreachable: holds nothing
  echo "${n:-0}"
}
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
    e2e_ssh "$a" "test -x $DB2_PATH/bin/db2level && id db2inst1 >/dev/null && grep -q '^db2c_db2inst1' /etc/services" \
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

# At most this many remote commands per node in a no-change modify: the node lock (mkdir, its owner file) and the one
# look at the node (issue 15). A regression to one command per fact fails the lab, not just a benchmark.
E2E_NO_CHANGE_MAX_COMMANDS=3
e2e_modify_no_change() {
  local before run node n
  before="$(e2e_active)"
  lab_nsexec "$HAINSTALL" modify --config "$E2E_CONFIG" --yes 2>&1 | tee "$E2E_OUT/modify.log"
  [[ ${PIPESTATUS[0]} == 0 ]] || { e2e_fail "modify exited non-zero"; return 1; }
  grep -Eq '(^|[^0-9])0 changed' "$E2E_OUT/modify.log" || { e2e_fail "modify reported changes"; return 1; }
  [[ "$(e2e_active)" == "$before" ]] || { e2e_fail "modify moved the service"; return 1; }
  # The count each node's connection ran, from the run's own notice in events.jsonl ("N remote commands in T s").
  run="$(e2e_last_run modify)"
  for node in "$N1" "$N2"; do
    n="$(grep -o "\"node\":\"$node\",\"level\":\"INFO\",\"message\":\"[0-9]* remote command" "$run/events.jsonl" \
      | tail -n1 | sed 's/.*"message":"//; s/ remote command$//')"
    [[ -n $n ]] || { e2e_fail "no remote-command count for $node in $run/events.jsonl"; return 1; }
    (( n <= E2E_NO_CHANGE_MAX_COMMANDS )) \
      || { e2e_fail "a no-change modify sent $n remote commands to $node (at most $E2E_NO_CHANGE_MAX_COMMANDS)"; return 1; }
    lab_log "no-change modify: $node $n remote commands"
  done
}

# The real wizard drives the lab's cluster (issue 16): app's LabWizardRun, wired as `hainstall gui` wires it, under
# Xvfb inside the lab's namespace, opens the lab config, takes one picture per page, starts modify from the run page
# and confirms it; it exits 0 only when every row of the progress tree ends green with 0 changes and the log view
# holds both nodes' lines. The pictures (E2E_OUT/screenshots) are the ones docs/screenshots keeps.
e2e_wizard_modify() {
  local before shots="$E2E_OUT/screenshots"
  before="$(e2e_active)"
  rm -rf "$shots"
  (cd "$LAB_REPO" && mvn -B -q -o -pl ui,app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test.classpath) || { e2e_fail "the wizard's test classes did not build"; return 1; }
  RUN_FX_NO_BUILD=1 lab_nsexec "$LAB_REPO/ui/run-fx-main.sh" app org.hainstall.app.LabWizardRun 1100 760 \
      "$E2E_CONFIG" "$shots" >"$E2E_OUT/wizard-modify.log" 2>&1 \
    || { cat "$E2E_OUT/wizard-modify.log"; e2e_fail "the wizard's modify of the lab cluster did not end all green"; return 1; }
  cat "$E2E_OUT/wizard-modify.log"
  grep -q '^wizard modify: every row green, 0 changed' "$E2E_OUT/wizard-modify.log" \
    || { e2e_fail "the wizard program did not report its checks"; return 1; }
  [[ "$(e2e_active)" == "$before" ]] || { e2e_fail "the wizard's modify moved the service"; return 1; }
  lab_log "wizard: modify from the run page, every row green, 0 changed; $(find "$shots" -name '*.png' | wc -l) pictures in $shots"
}

# Real tool output for the unit tests' fixtures (core/src/test/resources/…/node/README.md says which file came
# from where): the commands exactly as the steps run them, on the active node and on the standby. Never a secret:
# DRBD's shared secret is masked, authkeys is not read.
# e2e_capture NAME COMMAND: adds a capture to the script e2e_capture_node sends (stdout to NAME, exit status to
# NAME.rc); one ssh round trip per node for all of them.
e2e_capture() {
  # shellcheck disable=SC2016  # $t and $? are the node's
  printf '( %s ) >"$t/%s" 2>/dev/null; echo $? >"$t/%s.rc"\n' "$2" "$1" "$1" >>"$E2E_CAPTURE_SCRIPT"
}
e2e_capture_node() {   # e2e_capture_node ADDR DIR
  local a="$1" d="$2" disk part
  disk="$(e2e_yaml 'storage.disks[0].device')"; part="${disk}1"
  mkdir -p "$d"
  E2E_CAPTURE_SCRIPT="$d.capture.sh"
  # shellcheck disable=SC2016  # $t is the node's
  printf 't=$(mktemp -d)\n' >"$E2E_CAPTURE_SCRIPT"
  e2e_capture lsblk-disk.json "lsblk --json -b -o NAME,PATH,TYPE,SIZE,FSTYPE,MOUNTPOINT,PKNAME $disk"
  e2e_capture sfdisk-disk.json "sfdisk --json $disk"
  local dev
  for dev in "$disk" "$part" /dev/vg_db2/lv_db2home /dev/vg_db2/lv_backup /dev/drbd0; do
    e2e_capture "blkid-$(basename "$dev").txt" "blkid -p -o export $dev"
    e2e_capture "wipefs-$(basename "$dev").json" "wipefs --no-act --json $dev"
  done
  e2e_capture lvm-pvs.json "pvs --reportformat json --units b --nosuffix -o pv_name,vg_name,pv_size"
  e2e_capture lvm-vgs.json "vgs --reportformat json --units b --nosuffix -o vg_name,vg_size,vg_free,vg_extent_size"
  e2e_capture lvm-lvs.json "lvs --reportformat json --units b --nosuffix -o lv_name,vg_name,lv_size"
  e2e_capture proc-drbd.txt "cat /proc/drbd"
  e2e_capture get-gi-db2home.txt "drbdadm get-gi db2home"
  e2e_capture drbdadm-dump.txt "drbdadm dump all | sed -E 's/(shared-secret[[:space:]]+)[^;]*/\\1\"MASKED\"/'"
  e2e_capture chronyc-sources.csv "chronyc -c -N sources"
  e2e_capture localtime-link.txt "readlink /etc/localtime"
  e2e_capture getent-passwd.txt "getent passwd"
  e2e_capture getent-group.txt "getent group"
  e2e_capture dpkg-query.txt "dpkg-query -W -f '\${Package} \${Status}\\n' chrony parted fdisk lvm2 drbd-utils heartbeat ksh cron"
  e2e_capture ip-addr.json "ip -json addr show"
  e2e_capture findmnt.json "findmnt --json --list -o TARGET,SOURCE,FSTYPE"
  e2e_capture ha.cf "cat /etc/ha.d/ha.cf"
  e2e_capture haresources "cat /etc/ha.d/haresources"
  e2e_capture db2ilist.txt "$DB2_PATH/instance/db2ilist"
  e2e_capture db2greg-dump.txt "$DB2_PATH/bin/db2greg -dump"
  e2e_capture db2-list-db-directory.txt "su - $INSTANCE -c '. ~/sqllib/db2profile && db2 list database directory'"
  e2e_capture cl_status-rscstatus.txt "cl_status rscstatus"
  # shellcheck disable=SC2016  # $t is the node's
  printf 'tar -C "$t" -cf - . && rm -rf "$t"\n' >>"$E2E_CAPTURE_SCRIPT"
  e2e_ssh "$a" sh -s <"$E2E_CAPTURE_SCRIPT" | tar -C "$d" -xf - || { e2e_fail "capture on $a"; return 1; }
  rm -f "$E2E_CAPTURE_SCRIPT"
}
# The look a no-change modify takes at each node, as `hainstall probe` writes it: core's fixtures
# lab/{active,standby}/probe.txt (LabCapturedOutputTest runs every step on them). Files holding secrets are digests.
e2e_capture_probe() {   # e2e_capture_probe ACTIVE_NAME STANDBY_NAME
  local dir="$E2E_OUT/fixtures/probe"
  rm -rf "$dir"
  lab_nsexec "$HAINSTALL" probe --config "$E2E_CONFIG" --output "$dir" || { e2e_fail "hainstall probe"; return 1; }
  cp "$dir/$1.probe" "$E2E_OUT/fixtures/active/probe.txt"
  cp "$dir/$2.probe" "$E2E_OUT/fixtures/standby/probe.txt"
}
e2e_capture_fixtures() {
  local active standby an sn
  active="$(e2e_active)"
  if [[ $active == "$A1" ]]; then standby="$A2"; an="$N1"; sn="$N2"; else standby="$A1"; an="$N2"; sn="$N1"; fi
  e2e_capture_node "$active" "$E2E_OUT/fixtures/active"
  e2e_capture_node "$standby" "$E2E_OUT/fixtures/standby"
  e2e_capture_probe "$an" "$sn" || return 1
  lab_log "captured tool output and each node's look into $E2E_OUT/fixtures (active $active, standby $standby)"
}

# What reconstruct must leave as it was (FAULT 32): config files, volumes, DRBD roles and states, DB2 instances, mounts.
e2e_node_state() {
  e2e_ssh "$1" 'cd /etc && find drbd.conf drbd.d ha.d hainstall cron.d fstab services passwd group -type f -print0 2>/dev/null \
    | sort -z | xargs -0 sha256sum; lvs --noheadings -o vg_name,lv_name,lv_size,lv_attr; drbdadm role all; drbdadm dstate all;
    drbdadm cstate all; '"$DB2_PATH"'/instance/db2ilist; findmnt -rn -o TARGET,SOURCE | sort'
}
e2e_state_snapshot() { local a; for a in "$A1" "$A2"; do echo "== $a"; e2e_node_state "$a"; done; }
e2e_same_state() {   # e2e_same_state BEFORE_FILE WHAT
  e2e_state_snapshot >"$1.after"
  diff -u "$1" "$1.after" || { e2e_fail "$2 changed the nodes (diff above)"; return 1; }
}
e2e_check_reconstructed() {   # e2e_check_reconstructed FILE
  "$HAINSTALL" validate --config "$1" || { e2e_fail "$1 does not validate"; return 1; }
  "$HAINSTALL" diff --normalize "$E2E_CONFIG" "$1" || { e2e_fail "$1 differs from the lab config"; return 1; }
  if grep -Eq 'BEGIN OPENSSH|PRIVATE KEY|shared-secret|sha1 [0-9a-f]{16}' "$1"; then e2e_fail "a secret in $1"; return 1; fi
}

e2e_reconstruct() {
  local out="$E2E_OUT/reconstructed.yaml"
  rm -f "$out"
  mkdir -p "$E2E_OUT/fixtures"
  e2e_state_snapshot >"$E2E_OUT/state-before-reconstruct"
  lab_nsexec "$HAINSTALL" reconstruct --config "$E2E_CONFIG" --from "$N2" --output "$out" \
    --dump-facts "$E2E_OUT/fixtures/$N2.facts" || { e2e_fail "reconstruct"; return 1; }
  e2e_check_reconstructed "$out" || return 1
  e2e_same_state "$E2E_OUT/state-before-reconstruct" "reconstruct --from" || return 1
}

# reconstruct run on a node itself (local commands, no SSH): a small jlinked Java runtime and the installer's jars
# are copied into the VM for the test and removed after.
E2E_PROBE_MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.prefs,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.unsupported
e2e_reconstruct_local() {
  local rt="$LAB_DIR/probe-runtime" out="$E2E_OUT/reconstructed-local.yaml" probe=/root/hainstall-probe a rc=0
  # On the node holding the service: the instance's home and databases live on its DRBD filesystems.
  a="$(e2e_active)"
  [[ $a != none ]] || { e2e_fail "no active node"; return 1; }
  rm -rf "$rt" "$out"
  "${JAVA_HOME:+$JAVA_HOME/bin/}jlink" --add-modules "$E2E_PROBE_MODULES" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$rt"
  lab_log "probe runtime: $(du -sh "$rt" | cut -f1); installer jars: $(du -sh "$LAB_REPO/app/target/lib" | cut -f1)"
  e2e_ssh "$a" "rm -rf $probe && mkdir -p $probe/runtime $probe/app && df -h / | tail -n1"
  tar -C "$rt" -cf - . | e2e_ssh "$a" "tar -C $probe/runtime -xf -"
  tar -C "$LAB_REPO/app/target" -cf - hainstall.jar lib | e2e_ssh "$a" "tar -C $probe/app -xf -"
  e2e_state_snapshot >"$E2E_OUT/state-before-reconstruct-local"
  # --from local: read this machine (the node itself); its application log stays in the probe folder, removed below.
  e2e_ssh "$a" "cd /root && XDG_STATE_HOME=$probe/state $probe/runtime/bin/java -Xmx160m -XX:TieredStopAtLevel=1 \
    -jar $probe/app/hainstall.jar reconstruct --from local --management-address $LAB_MGMT_ADDR \
    --output $probe/reconstructed.yaml" >"$E2E_OUT/reconstruct-local.log" || rc=$?
  cat "$E2E_OUT/reconstruct-local.log"
  e2e_ssh "$a" "cat $probe/reconstructed.yaml" >"$out"
  e2e_ssh "$a" "rm -rf $probe"
  e2e_same_state "$E2E_OUT/state-before-reconstruct-local" "reconstruct on $a" || return 1
  # A node knows nothing of the workstation's settings (how nodes are provisioned, where the DB2 image lies): those,
  # and only those, are left for the admin to fill in; everything read from the node must be there.
  if grep -q 'could not read' "$E2E_OUT/reconstruct-local.log"; then e2e_fail "reconstruct on $a could not read everything"; return 1; fi
  if grep -E '^ +ERROR ' "$E2E_OUT/reconstruct-local.log" | grep -Evq '^ +ERROR (provisioning|db2\.installImage) '; then
    e2e_fail "reconstruct on $a: problems beyond the workstation's settings"; return 1
  fi
  [[ $rc == 0 || $rc == 1 ]] || { e2e_fail "reconstruct on $a exited $rc"; return 1; }
  "$HAINSTALL" diff --normalize "$E2E_CONFIG" "$out" || { e2e_fail "$out differs from the lab config"; return 1; }
  if grep -Eq 'BEGIN OPENSSH|PRIVATE KEY|shared-secret|sha1 [0-9a-f]{16}' "$out"; then e2e_fail "a secret in $out"; return 1; fi
  lab_log "reconstruct on $a itself gives the lab config after normalisation; the nodes are as they were"
}

# The config is lost: reconstruct it with the cluster's shared secrets (--with-secrets: auth key, DRBD secrets, a new
# admin key), pin the nodes' real host keys and install that key with the admin's old login (trust), then modify
# with the recovered config: 0 changes.
e2e_recovered_config() {
  # Beside, not inside, E2E_OUT: it holds a secrets folder, and the last phase scans E2E_OUT for any secret.
  local dir="$LAB_DIR/e2e-recovered" cfg fp1 fp2 active="$N1"
  rm -rf "$dir"; mkdir -p "$dir"; cfg="$dir/lab-db.yaml"
  [[ "$(e2e_active)" == "$A2" ]] && active="$N2"   # the standby cannot read DB2's part
  # No --from (FAULT 49): reconstruct reads the config's nodes itself and must choose the active one.
  lab_nsexec "$HAINSTALL" reconstruct --config "$E2E_CONFIG" --with-secrets --output "$cfg" \
    | tee "$E2E_OUT/reconstruct-recovered.log"
  [[ ${PIPESTATUS[0]} == 0 ]] || { e2e_fail "reconstruct --with-secrets"; return 1; }
  grep -q "^reading $active (the active node" "$E2E_OUT/reconstruct-recovered.log" \
    || { e2e_fail "reconstruct --config did not read the active node $active"; return 1; }
  fp1="$(ssh-keygen -lf "$E2E_SECRETS/nodes/$N1/ssh_host_ed25519_key.pub" | awk '{print $2}')"
  fp2="$(ssh-keygen -lf "$E2E_SECRETS/nodes/$N2/ssh_host_ed25519_key.pub" | awk '{print $2}')"
  lab_nsexec "$HAINSTALL" trust --config "$cfg" --fingerprint "$N1=$fp1" --fingerprint "$N2=$fp2" \
    --login-key "$E2E_SECRETS/admin_ed25519" || { e2e_fail "trust with the recovered config"; return 1; }
  lab_nsexec "$HAINSTALL" modify --config "$cfg" --yes 2>&1 | tee "$E2E_OUT/modify-recovered.log"
  [[ ${PIPESTATUS[0]} == 0 ]] || { e2e_fail "modify with the recovered config exited non-zero"; return 1; }
  grep -Eq '(^|[^0-9])0 changed' "$E2E_OUT/modify-recovered.log" || { e2e_fail "modify with the recovered config changed something"; return 1; }
  "$HAINSTALL" scan-secrets --config "$cfg" "$cfg" "${cfg%.yaml}.state" --content-only "$E2E_OUT/modify-recovered.log" \
    || { e2e_fail "a secret or a loose mode in the recovered config's files"; return 1; }
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
  lab_nsexec "$HAINSTALL" switchover --config "$E2E_CONFIG" --yes || { e2e_fail "switchover"; return 1; }
  after="$(e2e_active)"
  [[ $after != "$before" && $after != none ]] || { e2e_fail "switchover did not move the service ($before → $after)"; return 1; }
}

# --- faults on a node's disks and DB2 (FAULTS 21 and 24), then the node rebuilt by modify -----------------------
# The standby is taken out (Heartbeat and DRBD stopped) and its data disk reset to zeros, as a replaced disk would be.
e2e_standby_reset() {
  local active
  active="$(e2e_active)"
  [[ $active != none ]] || { e2e_fail "no active node"; return 1; }
  if [[ $active == "$A1" ]]; then SB_ADDR="$A2"; SB_NAME="$N2"; else SB_ADDR="$A1"; SB_NAME="$N1"; fi
  ACTIVE_ADDR="$active"
  DATA_DISK="$(e2e_yaml 'storage.disks[0].device')"
  # Phases run in subshells: the later ones read these back.
  printf 'SB_ADDR=%q\nSB_NAME=%q\nACTIVE_ADDR=%q\nDATA_DISK=%q\n' "$SB_ADDR" "$SB_NAME" "$ACTIVE_ADDR" "$DATA_DISK" \
    >"$E2E_OUT/standby.env"
  lab_log "taking out the standby $SB_NAME ($SB_ADDR): heartbeat and DRBD stopped, $DATA_DISK zeroed"
  e2e_ssh "$SB_ADDR" "set -e; systemctl stop heartbeat; drbdadm down all; ! findmnt -n /backup >/dev/null || umount /backup
    vgchange -an vg_db2 >/dev/null; dd if=/dev/zero of=$DATA_DISK bs=4M oflag=direct status=none || true
    blockdev --rereadpt $DATA_DISK; test -z \"\$(blkid -p -o value -s TYPE $DATA_DISK)\""
  e2e_capture_node "$SB_ADDR" "$E2E_OUT/fixtures/blank"
}
e2e_disk_ends() { e2e_ssh "$SB_ADDR" "dd if=$DATA_DISK bs=1M count=1 status=none | sha256sum; dd if=$DATA_DISK bs=1M status=none skip=\$(( \$(blockdev --getsize64 $DATA_DISK) / 1048576 - 1 )) | sha256sum"; }
e2e_instance_state() { e2e_ssh "$SB_ADDR" "find /home/db2inst9 -type f -print0 | sort -z | xargs -0 sha256sum; sha256sum /etc/services; $DB2_PATH/instance/db2ilist"; }

# FAULT 21: a filesystem on the data disk that the config does not describe → modify refuses naming the node, the
# device and the filesystem; the disk's first and last MiB unchanged. FAULT 24: a plain (non-HA) DB2 instance on the
# standby is planted at the same time; it is reached only once the disk is blank again.
e2e_fault_foreign_disk() {
  # shellcheck source=/dev/null
  . "$E2E_OUT/standby.env"
  local before
  e2e_ssh "$SB_ADDR" "set -e; mkfs.ext4 -q -F -L foreign $DATA_DISK
    useradd -m -U -d /home/db2inst9 db2inst9; $DB2_PATH/instance/db2icrt -u db2fenc1 db2inst9 >/dev/null"
  before="$(e2e_disk_ends)"
  e2e_instance_state >"$E2E_OUT/instance-before"
  e2e_capture_node "$SB_ADDR" "$E2E_OUT/fixtures/foreign-ext4"
  e2e_modify_refused modify-foreign-disk.log "a data disk holding ext4" || return 1
  grep -E "$SB_NAME" "$E2E_OUT/modify-foreign-disk.log" | grep -F "$DATA_DISK" | grep -q ext4 \
    || { e2e_fail "the refusal does not name $SB_NAME, $DATA_DISK and ext4"; return 1; }
  [[ "$(e2e_disk_ends)" == "$before" ]] || { e2e_fail "$DATA_DISK changed although modify refused"; return 1; }
  e2e_ssh "$SB_ADDR" "blkid -p -o value -s LABEL $DATA_DISK" | grep -qx foreign || { e2e_fail "the foreign filesystem is gone"; return 1; }
  lab_log "FAULT 21: refused on $SB_NAME, $DATA_DISK holding ext4; its first and last MiB unchanged"
}

e2e_fault_plain_instance() {
  # shellcheck source=/dev/null
  . "$E2E_OUT/standby.env"
  e2e_ssh "$SB_ADDR" "wipefs -q -a $DATA_DISK"
  e2e_modify_refused modify-plain-instance.log "a non-HA instance on the standby" || return 1
  grep "$SB_NAME" "$E2E_OUT/modify-plain-instance.log" | grep -q db2inst9 \
    || { e2e_fail "the refusal does not name $SB_NAME and db2inst9"; return 1; }
  e2e_instance_state >"$E2E_OUT/instance-after"
  diff -u "$E2E_OUT/instance-before" "$E2E_OUT/instance-after" || { e2e_fail "the plain instance or /etc/services changed"; return 1; }
  lab_log "FAULT 24: refused on $SB_NAME naming db2inst9; its home and /etc/services unchanged"
}

# The plain instance removed, modify rebuilds the standby: disk, volumes, DRBD (resynced from the active node),
# Heartbeat; the service never leaves the active node.
e2e_standby_rebuilt() {
  # shellcheck source=/dev/null
  . "$E2E_OUT/standby.env"
  e2e_ssh "$SB_ADDR" "$DB2_PATH/instance/db2idrop db2inst9 >/dev/null && userdel -r db2inst9 2>/dev/null; true"
  lab_nsexec "$HAINSTALL" modify --config "$E2E_CONFIG" --yes 2>&1 | tee "$E2E_OUT/modify-rebuild.log"
  [[ ${PIPESTATUS[0]} == 0 ]] || { e2e_fail "modify did not rebuild $SB_NAME"; return 1; }
  [[ "$(e2e_active)" == "$ACTIVE_ADDR" ]] || { e2e_fail "the service left $ACTIVE_ADDR"; return 1; }
  e2e_assert_cluster
}

# FAULT 28: on the active node the instance's home is planted off DRBD (as an instance made before the cluster would
# be) and the DRBD filesystem filled: modify must not move it — the node named, no partial copy, the source as it
# was, the instance still running. Room made, modify moves it onto DRBD and it runs from there.
E2E_OLD_HOME=/home/db2inst1.pre-ha
e2e_fault_disk_full_move() {
  local a before
  a="$(e2e_active)"
  [[ $a != none ]] || { e2e_fail "no active node"; return 1; }
  printf 'MOVE_ADDR=%q\n' "$a" >"$E2E_OUT/move.env"
  e2e_ssh "$a" "set -e; su - $INSTANCE -c '. ~/sqllib/db2profile && db2stop force' >/dev/null
    mkdir -p $E2E_OLD_HOME; cp -a /db2home/$INSTANCE/. $E2E_OLD_HOME/; usermod -d $E2E_OLD_HOME $INSTANCE
    $DB2_PATH/instance/db2iupdt $INSTANCE >/dev/null; rm -rf /db2home/$INSTANCE
    su - $INSTANCE -c '. ~/sqllib/db2profile && db2start' >/dev/null
    used=\$(du -s -B1 $E2E_OLD_HOME | cut -f1); avail=\$(df -B1 --output=avail /db2home | tail -n1)
    fallocate -l \$(( avail - used / 2 )) /db2home/.e2e-filler"
  before="$(e2e_tree_hashes "$a" "$E2E_OLD_HOME")"
  e2e_modify_refused modify-disk-full.log "moving the instance into a full filesystem" || return 1
  grep 'db2-move' "$E2E_OUT/modify-disk-full.log" | grep -Eq 'nothing was changed|partial copy was removed' \
    || { e2e_fail "db2-move did not refuse the move"; return 1; }
  e2e_ssh "$a" "test ! -e /db2home/$INSTANCE" || { e2e_fail "a partial copy was left in /db2home"; return 1; }
  [[ "$(e2e_tree_hashes "$a" "$E2E_OLD_HOME")" == "$before" ]] || { e2e_fail "the instance's home changed"; return 1; }
  [[ "$(e2e_home_of "$a" "$INSTANCE")" == "$E2E_OLD_HOME" ]] \
    || { e2e_fail "the owner's home was switched"; return 1; }
  e2e_ssh "$a" "pgrep -u $INSTANCE db2sysc >/dev/null" || { e2e_fail "the instance no longer runs"; return 1; }
  lab_log "FAULT 28: the move into a full /db2home refused; the source home unchanged, the instance running"
}

e2e_instance_moved() {
  # shellcheck source=/dev/null
  . "$E2E_OUT/move.env"
  e2e_ssh "$MOVE_ADDR" "rm -f /db2home/.e2e-filler"
  lab_nsexec "$HAINSTALL" modify --config "$E2E_CONFIG" --yes 2>&1 | tee "$E2E_OUT/modify-move.log"
  [[ ${PIPESTATUS[0]} == 0 ]] || { e2e_fail "modify did not move the instance"; return 1; }
  grep -q "copy instance $INSTANCE" "$E2E_OUT/modify-move.log" || { e2e_fail "no move reported"; return 1; }
  [[ "$(e2e_home_of "$MOVE_ADDR" "$INSTANCE")" == "/db2home/$INSTANCE" ]] \
    || { e2e_fail "the owner's home is not on DRBD"; return 1; }
  local out
  out="$(e2e_holds_service "$MOVE_ADDR")" || { e2e_fail "after the move: $out"; return 1; }
  e2e_ssh "$MOVE_ADDR" "rm -rf $E2E_OLD_HOME"   # hainstall keeps the old home; the test removes it
  lab_log "the instance moved onto DRBD and runs from there"
}

# No secret in anything the runs left on the workstation (logs, events, journal, configs, terminal copies);
# log and secret file modes checked. The scan names the file and which secret, never the value.
e2e_scan_secrets() {
  "$HAINSTALL" scan-secrets --config "$E2E_CONFIG" "$E2E_STATE" "$E2E_CONFIG" --content-only "$E2E_OUT" \
    || { e2e_fail "a secret or a loose mode in the run's files (see above)"; return 1; }
  if [[ -n ${E2E_LIBVIRT_CONFIG:-} && -d ${E2E_LIBVIRT_CONFIG%.yaml}.state ]]; then
    "$HAINSTALL" scan-secrets --config "$E2E_LIBVIRT_CONFIG" "${E2E_LIBVIRT_CONFIG%.yaml}.state" \
      || { e2e_fail "a secret or a loose mode in the cancelled libvirt runs' files"; return 1; }
  fi
}
