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

INSTALL_TIMEOUT_S=900     # drbd-utils + heartbeat + deps inside a TCG guest: ≈ 100 s measured
NODES=(smoke-1 smoke-2)
declare -A ADDR=([smoke-1]=192.168.122.21 [smoke-2]=192.168.122.22)
declare -A REPL=([smoke-1]=10.10.0.21 [smoke-2]=10.10.0.22)
declare -A MAC=([smoke-1]=52:54:00:5a:00:21 [smoke-2]=52:54:00:5a:00:22)
declare -A RMAC=([smoke-1]=52:54:00:5a:01:21 [smoke-2]=52:54:00:5a:01:22)

CLONES_DIR="$LAB_DIR/smoke"
we_brought_it_up=0
. "$LAB_SRC/clones.sh"

finish() {
  local rc=$?
  if [[ ${SMOKE_KEEP:-0} == 1 ]]; then
    lab_log "SMOKE_KEEP=1: leaving the clones and the lab up (ssh key in $CLONES_DIR/keys; lab/down.sh ends it)"
  else
    if [[ -S $LAB_SOCKET ]]; then clones_remove; fi
    if [[ $we_brought_it_up == 1 ]]; then lab_phase down "$LAB_SRC/down.sh" || rc=1; fi
    rm -rf "$CLONES_DIR/keys"   # the throwaway admin key
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

check_nodes() {
  local n facts
  for n in "${NODES[@]}"; do
    # One SSH round trip per node (script on stdin): each costs seconds on busy TCG guests.
    facts="$(clones_ssh "$n" sh < "$LAB_SRC/test-seed/node-facts.sh")"
    printf '%s\n' "$facts" | sed "s/^/  $n: /" >&2
    [[ $facts == *"name=$n"$'\n'* ]] || lab_die "$n: uname -n is not $n"
    [[ $facts == *"vdb=$(numfmt --from=iec "$LAB_DATA_DISK_SIZE") fstype="$'\n'* ]] \
      || lab_die "$n: /dev/vdb is not an empty $LAB_DATA_DISK_SIZE disk"
    [[ $facts == *"repl=${REPL[$n]}/24"$'\n'* ]] || lab_die "$n: no replication address on its second NIC"
    [[ $facts == *"hook=done marker=yes"$'\n'* ]] || lab_die "$n: cloud-init did not run the seed to the end"
    [[ $facts == *"preinstalled=0" ]] || lab_die "$n: cluster packages are preinstalled in the stub"
    lab_log "$n: uname -n, /dev/vdb ($LAB_DATA_DISK_SIZE, empty), second NIC ${REPL[$n]}, cloud-init ran the seed: ok"
  done
  # The replication network joins the two nodes (sshd listens on every address): node 1 → node 2.
  clones_ssh "${NODES[0]}" "timeout 5 bash -c '</dev/tcp/${REPL[${NODES[1]}]}/22'" \
    || lab_die "${NODES[0]} cannot reach ${NODES[1]} over the replication network"
  # ...and is not the main one: the management side has no address there.
  ! ip netns exec "$LAB_NS" timeout 3 bash -c "</dev/tcp/${REPL[${NODES[1]}]}/22" 2>/dev/null \
    || lab_die "the replication network is reachable from the management side"
  lab_log "replication network: ${NODES[0]} -> ${REPL[${NODES[1]}]}:22 ok"
  # The lab's NTP server answers on the management address (a one-shot chronyd client, clock untouched).
  local ntp
  ntp="$(ip netns exec "$LAB_NS" timeout 30 "$LAB_DIR/chrony/pkg/usr/sbin/chronyd" -Q -u root -f /dev/null -t 20 \
    "server $LAB_MGMT_ADDR iburst maxsamples 1" "pidfile $CLONES_DIR/chronyd-q.pid" 2>&1 || true)"
  grep -q 'System clock wrong' <<< "$ntp" || lab_die "the lab's NTP server on $LAB_MGMT_ADDR does not answer"
  lab_log "NTP server on $LAB_MGMT_ADDR: ok"
  clones_ssh "${NODES[0]}" "systemd-analyze; systemd-analyze blame | head -n 8" >&2 || true
}

install_packages() {
  local n="${NODES[0]}"
  clones_ssh "$n" "echo 'deb [trusted=yes] file:/run/hainstall-seed/hainstall/debs ./' > /etc/apt/sources.list.d/hainstall-seed.list \
    && apt-get -q update >/dev/null \
    && DEBIAN_FRONTEND=noninteractive timeout $INSTALL_TIMEOUT_S apt-get -q -y --no-install-recommends install drbd-utils heartbeat >/tmp/install.log 2>&1 \
    || { tail -n 30 /tmp/install.log; exit 1; }" || lab_die "$n: apt-get install from the seed failed"
  clones_ssh "$n" "dpkg -s drbd-utils heartbeat >/dev/null && modprobe drbd && grep '^version: 8.4' /proc/drbd" >&2 \
    || lab_die "$n: drbd-utils/heartbeat not installed, or no DRBD 8.4 module"
  lab_log "$n: drbd-utils + heartbeat installed from the seed"
}

lab_phase seeds clones_make_seeds
lab_phase clone-and-define clones_define_all
lab_phase boot-to-ssh clones_boot
lab_phase checks check_nodes
lab_phase install-drbd-heartbeat install_packages
