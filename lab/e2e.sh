#!/usr/bin/env bash
# The lab's end-to-end test, run by ./run-tests (as root on CI, after mvn verify): builds the stub image
# and the package repository (cached between runs), brings the lab up, proves the infrastructure
# (lab/smoke.sh, only with LAB_SMOKE=1: create proves the same and more), runs hainstall against real VMs
# (lab/e2e-cluster.sh), and always tears the lab down.
# Prints each phase's time; exits non-zero on any failure. Skips (exit 0, with a message) on machines
# that cannot host the lab: not root, no /dev/net/tun, no qemu.
# Usage: lab/e2e.sh
# While working on the lab's phases: E2E_KEEP=1 leaves the lab and the cluster up at the end (lab/down.sh ends it);
# E2E_PHASES="reconstruct-on-node recovered-config" then runs only the named hainstall phases against that
# running lab (no image, no bring-up, no create).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

skip() { lab_log "SKIPPED the lab's end-to-end test: $*"; exit 0; }
[[ $(id -u) == 0 ]] || skip "not root (namespaces, bridges and libvirtd need root)"
[[ -c /dev/net/tun ]] || skip "no /dev/net/tun"
command -v qemu-system-x86_64 >/dev/null || skip "no qemu-system-x86_64 (apt-get install qemu-system-x86)"

e2e_start=$SECONDS
finish() {
  local rc=$?
  if [[ ${E2E_KEEP:-0} == 1 ]]; then
    lab_log "E2E_KEEP=1: the lab stays up (lab/down.sh ends it)"
  else
    lab_phase down "$LAB_SRC/down.sh" || rc=1
  fi
  lab_print_phases
  lab_log "$(printf 'end-to-end total %d s' $((SECONDS - e2e_start)))"
  if [[ $rc == 0 ]]; then lab_log "END-TO-END PASSED"; else lab_log "END-TO-END FAILED (exit $rc)"; fi
  exit "$rc"
}
trap finish EXIT

# A phase of the hainstall part: run unless E2E_PHASES names others.
e2e_phase() {
  if [[ -n ${E2E_PHASES:-} && " $E2E_PHASES " != *" $1 "* ]]; then return 0; fi
  lab_phase "$@"
}
if [[ -n ${E2E_PHASES:-} ]]; then
  E2E_KEEP=1
  lab_ns_exists || { lab_log "E2E_PHASES needs a running lab (E2E_KEEP=1 lab/e2e.sh)"; exit 1; }
else
# Everything that needs the network comes first: the namespace reaches no registry.
lab_phase build-image "$LAB_SRC/build-image.sh"
lab_phase package-repository "$LAB_SRC/packages.sh"
# A clean start, whatever an earlier, interrupted run left behind.
lab_phase clean-start "$LAB_SRC/down.sh"
lab_phase up "$LAB_SRC/up.sh" >/dev/null
if [[ "${LAB_SMOKE:-0}" == 1 ]]; then lab_phase smoke "$LAB_SRC/smoke.sh"; fi
fi

# --- hainstall against the lab ------------------------------------------------------------------------
# Built before entering the namespace (Maven needs the registry): the installer and the DB2 stand-in image.
lab_phase build-hainstall "$LAB_REPO/hainstall" --version
lab_phase db2-standin-image "$LAB_SRC/db2-standin/build.sh" "$LAB_DIR/db2-standin.tar.gz"
# The lab's cluster is built on "physical" machines (lab/e2e-physical.sh: the lab defines them and powers them on
# when asked); the libvirt path is proven up to the call backs by the Ctrl-C phase.
. "$LAB_SRC/e2e-physical.sh"
. "$LAB_SRC/e2e-cluster.sh"
. "$LAB_SRC/e2e-daytwo.sh"
. "$LAB_SRC/clones.sh"
[[ -n ${E2E_PHASES:-} ]] || lab_phase physical-config e2e_physical_config
e2e_init
# create (libvirt) cancelled with SIGINT in its call-back wait, resumed and cancelled again (FAULT 39); then the
# physical machines: one never powered on (the stall alert), create killed mid-run (FAULT 29), resumed with the
# replication link cut (FAULT 25), resumed again to the end.
e2e_phase ctrl-c-in-callback-wait e2e_ctrl_c_in_callback_wait
e2e_phase physical-stall e2e_physical_stall
e2e_phase create-killed e2e_create_killed
e2e_known_hosts
e2e_phase create-peer-unreachable e2e_peer_unreachable
e2e_phase create-resumed e2e_create_resumed
e2e_phase assert-cluster e2e_assert_cluster
e2e_phase assert-service e2e_assert_service
e2e_phase capture-fixtures e2e_capture_fixtures
e2e_phase failover-drill e2e_failover
# Day two (FAULTS 34–37): power loss of the active node, its return, clean reboots, cold starts.
e2e_phase power-loss e2e_power_loss
e2e_phase rejoin e2e_rejoin
e2e_phase reboots e2e_reboots
e2e_phase cold-start e2e_cold_start
e2e_phase one-node-back e2e_one_node_back
e2e_phase modify-no-change e2e_modify_no_change
e2e_phase wizard-modify e2e_wizard_modify
e2e_phase reconstruct e2e_reconstruct
e2e_phase reconstruct-on-node e2e_reconstruct_local
e2e_phase recovered-config e2e_recovered_config
e2e_phase status-switchover e2e_status_and_switchover
# The standby's disk replaced: a foreign filesystem (FAULT 21), a plain DB2 instance (FAULT 24), then rebuilt.
e2e_phase standby-reset e2e_standby_reset
e2e_phase fault-foreign-disk e2e_fault_foreign_disk
e2e_phase fault-plain-instance e2e_fault_plain_instance
e2e_phase standby-rebuilt e2e_standby_rebuilt
# The instance off DRBD on the active node and /db2home full (FAULT 28), then moved onto DRBD.
e2e_phase fault-disk-full-move e2e_fault_disk_full_move
e2e_phase instance-moved e2e_instance_moved
e2e_phase modify-no-change-again e2e_modify_no_change
e2e_phase secrets-scan e2e_scan_secrets
