#!/usr/bin/env bash
# Tears the lab down: every VM of the private libvirtd, libvirtd itself (by its pid file), any qemu left
# behind (by libvirt's pid files), the lab's chronyd (by its pid file), the namespace with its bridges,
# and libvirt's state in LAB_DIR.
# Idempotent: safe to run when the lab is half up or already down. Keeps LAB_DIR's logs and the cache.
# Usage: lab/down.sh    (root)
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lab_require_root

pid_is() {   # PID WORD: the process is alive and its command line names WORD
  [[ -n $1 && -r /proc/$1/cmdline ]] && [[ $(tr '\0' ' ' < "/proc/$1/cmdline") == *"$2"* ]]
}
stop_pid() {  # PID WORD: TERM, wait up to 10 s, then KILL
  local pid="$1" word="$2"
  pid_is "$pid" "$word" || return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 50); do pid_is "$pid" "$word" || return 0; sleep 0.2; done
  lab_log "pid $pid ($word) ignored TERM: KILL"
  kill -KILL "$pid" 2>/dev/null
  sleep 0.2
}

libvirtd_pid="$(cat "$LAB_LIBVIRTD_PID" 2>/dev/null || true)"
if pid_is "$libvirtd_pid" libvirtd; then
  # Every running domain, the stub's clones included: hard power-off (they are throwaway).
  while read -r dom; do
    [[ -n $dom ]] || continue
    lab_log "destroying VM $dom"
    timeout 30 virsh -q -c "$LAB_URI" destroy "$dom" >/dev/null 2>&1 || lab_log "could not destroy $dom"
  done < <(timeout 30 virsh -q -c "$LAB_URI" list --name --state-running 2>/dev/null)
  lab_log "stopping libvirtd (pid $libvirtd_pid)"
  stop_pid "$libvirtd_pid" libvirtd
fi
rm -f "$LAB_LIBVIRTD_PID"

# qemu processes that outlived libvirtd (it does not stop them itself): by libvirt's pid files.
for pidfile in "$LAB_RUN"/qemu/*.pid; do
  [[ -f $pidfile ]] || continue
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if pid_is "$pid" qemu-system; then
    lab_log "stopping left-over qemu $(basename "$pidfile" .pid) (pid $pid)"
    stop_pid "$pid" qemu-system
  fi
done

chronyd_pid="$(cat "$LAB_CHRONYD_PID" 2>/dev/null || true)"
if pid_is "$chronyd_pid" chronyd; then
  lab_log "stopping the lab's chronyd (pid $chronyd_pid)"
  stop_pid "$chronyd_pid" chronyd
fi
rm -f "$LAB_CHRONYD_PID"

if lab_ns_exists; then
  # Anything else still in the namespace was started for the lab (a JVM under test, an ssh): say so and
  # end it, one pid at a time.
  for pid in $(ip netns pids "$LAB_NS" 2>/dev/null); do
    lab_log "ending pid $pid left in $LAB_NS: $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-120)"
    kill -TERM "$pid" 2>/dev/null
  done
  sleep 0.5
  for pid in $(ip netns pids "$LAB_NS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  ip netns del "$LAB_NS" && lab_log "namespace $LAB_NS deleted"
fi

# libvirt's state (definitions, volumes, clones): a new lab/up.sh starts from the cached image again.
rm -rf "${LAB_RUN:?}" "${LAB_DIR:?}/etc" "${LAB_DIR:?}/lib" "${LAB_DIR:?}/cache" "${LAB_DIR:?}/pool" "$LAB_URI_FILE" "$LAB_IMAGE_FILE" \
  "$LAB_DIR"/net-*.xml "$LAB_DIR/$LAB_STUB.xml" "$LAB_DIR/chrony"
lab_log "lab down"
