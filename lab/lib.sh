# shellcheck shell=bash
# shellcheck disable=SC2034  # settings for the scripts that source this file
# Shared settings of the lab scripts (sourced, never run). Every value can be overridden from the
# environment, so two checkouts on one machine could keep apart (change LAB_NS and LAB_DIR together).

LAB_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"      # lab/ in the checkout
LAB_REPO="$(cd "$LAB_SRC/.." && pwd)"
# Per-checkout state: pid files, the private libvirtd's folders, overlays, seeds (gitignored).
LAB_DIR="${LAB_DIR:-$LAB_SRC/work}"
# Survives between runs on one machine: the image, the kernel, the package repository, apt caches.
LAB_CACHE="${LAB_CACHE:-/var/cache/hainstall-lab}"
# A fixed path to LAB_DIR (a symlink), because lab/cluster.yaml must name absolute paths: the package
# repository (LAB_LINK/debs) and the DB2 stand-in image (LAB_LINK/db2-standin.tar.gz).
LAB_LINK="${LAB_LINK:-/var/lib/hainstall-lab}"

LAB_NS="${LAB_NS:-hainstall-lab}"
LAB_BR_MAIN="${LAB_BR_MAIN:-hlbr-main}"          # bridge of the nodes' main network (in the namespace)
LAB_BR_REPL="${LAB_BR_REPL:-hlbr-repl}"          # bridge of the replication network
LAB_NET_MAIN="${LAB_NET_MAIN:-lab-main}"         # libvirt networks (forward mode bridge) on those bridges
LAB_NET_REPL="${LAB_NET_REPL:-lab-repl}"
LAB_POOL="${LAB_POOL:-lab-pool}"                 # libvirt dir pool holding the stub's volumes
LAB_STUB="${LAB_STUB:-db2-node-stub}"
LAB_SUBNET_PREFIX=24
LAB_MGMT_ADDR="${LAB_MGMT_ADDR:-192.168.122.1}"  # the management side, on the main bridge (= lab/cluster.yaml)
LAB_REPL_NET="10.10.0"                           # replication subnet 10.10.0.0/24 (no host address on it)

LAB_SUITE=bookworm
LAB_DATA_DISK_SIZE="${LAB_DATA_DISK_SIZE:-512M}"
LAB_ROOT_SIZE=2G
LAB_VM_MEMORY_MIB=512

# Bind-mounted over /run/libvirt for the private libvirtd; a fixed path (one lab per machine: the namespace
# name and the addresses are fixed too), so lab/cluster.yaml can name the socket.
LAB_RUN="${LAB_RUN:-/run/hainstall-lab}"
LAB_SOCKET="$LAB_RUN/libvirt-sock"
LAB_URI="qemu:///system?socket=$LAB_SOCKET"
LAB_URI_FILE="$LAB_DIR/libvirt-uri"              # the URI, for the other scripts and the Java tests
LAB_LIBVIRTD_PID="$LAB_DIR/libvirtd.pid"
LAB_CHRONYD_PID="$LAB_DIR/chronyd.pid"
LAB_IMAGE_FILE="$LAB_DIR/image-dir"             # the cached image folder the running lab's stub uses

lab_log() { printf '%s lab: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
lab_die() { lab_log "ERROR: $*"; exit 1; }

lab_require_root() { [[ $(id -u) == 0 ]] || lab_die "must run as root (namespaces, bridges, libvirtd)"; }

# The machine's own Debian mirror (deb822 sources first, then the classic list).
lab_mirror() {
  local uri
  uri="$(grep -h -A3 -E '^Types:.*\bdeb\b' /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | awk '/^URIs:/ {print $2}' | grep -v -- '-security' | head -n1 || true)"
  if [[ -z $uri ]]; then
    uri="$(grep -h -E '^deb +(\[[^]]*\] +)?https?://[^ ]+ +bookworm +' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | sed -E 's/^deb +(\[[^]]*\] +)?//' | awk '{print $1}' | head -n1 || true)"
  fi
  printf '%s\n' "${uri:-http://deb.debian.org/debian}"
}

# Content hash of files and strings: the key of a cache entry.
lab_hash() {
  local item
  for item in "$@"; do
    if [[ -f $item ]]; then sha256sum "$item" | cut -c1-64; else printf '%s\n' "$item"; fi
  done | sha256sum | cut -c1-16
}

lab_virsh() { virsh -q -c "$LAB_URI" "$@"; }
lab_nsexec() { ip netns exec "$LAB_NS" "$@"; }

# Elapsed-time bookkeeping for the scripts that print phase timings.
LAB_PHASES=()
lab_phase() {   # lab_phase NAME COMMAND... : runs the command (in a subshell) and records its duration
  local name="$1" start rc=0
  shift
  start=$(date +%s.%N)
  lab_log "phase $name: start"
  # A subshell with errexit of its own: "cmd || rc=$?" would switch errexit off inside the phase.
  set +e
  (set -e; "$@")
  rc=$?
  set -e
  LAB_PHASES+=("$(awk -v n="$name" -v s="$start" -v e="$(date +%s.%N)" -v rc="$rc" \
    'BEGIN { printf "%-28s %7.1f s%s", n, e - s, (rc == 0 ? "" : "  (FAILED, exit " rc ")") }')")
  lab_log "phase $name: done (exit $rc)"
  return "$rc"
}
lab_print_phases() {
  local line
  printf 'lab phase timings:\n' >&2
  for line in "${LAB_PHASES[@]}"; do printf '  %s\n' "$line" >&2; done
}

# Whether a command's output matches an extended regex. (Not "cmd | grep -q": with pipefail, grep's early
# exit makes the command die of SIGPIPE and the test fail at random.)
lab_output_matches() {
  local re="$1" out
  shift
  out="$("$@" 2>/dev/null)" || true
  grep -Eq -- "$re" <<< "$out"
}
lab_ns_exists() { lab_output_matches "^$LAB_NS( |\$)" ip netns list; }

# Points LAB_LINK at this checkout's LAB_DIR.
lab_link_dir() {
  mkdir -p "$LAB_DIR"
  if [[ -e $LAB_LINK && ! -L $LAB_LINK ]]; then
    lab_die "$LAB_LINK exists and is not a symlink: move it away (the lab links it to its LAB_DIR)"
  fi
  [[ $(readlink "$LAB_LINK" 2>/dev/null) == "$LAB_DIR" ]] || ln -sfn "$LAB_DIR" "$LAB_LINK"
}

# Removes cache entries PREFIX-* other than KEEP, unless a lab is up (its VMs may use an older one).
lab_prune_cache() {
  local prefix="$1" keep="$2" old
  lab_ns_exists && return 0
  for old in "$LAB_CACHE/$prefix"-*; do
    [[ -d $old && $old != "$keep" ]] || continue
    rm -rf "$old"
    lab_log "pruned old cache entry $old"
  done
}
