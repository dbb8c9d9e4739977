#!/bin/sh
# Test of the DB2 stand-in (hainstall DB2 stand-in — NOT IBM DB2, test use only).
#
# Builds the install image, then runs two throwaway "nodes": Debian 12 chroots (debootstrap minbase with
# ksh, heartbeat and resource-agents, cached under /var/cache/hainstall-db2-test) entered through
# `unshare --mount --pid --fork --uts --ipc --net`, each on its own overlay so the cache stays clean and this
# machine's users, mounts and processes are never touched. The nodes share two folders standing for the
# DRBD filesystems. node1 installs, creates an instance and a database, exercises every command and the
# REAL Heartbeat db2 agent (OCF and v1 wrapper), and crashes with the instance running; node2 builds the
# stub and takes the instance over with the agent. Needs root (namespaces, chroot, mknod) and, for the
# first run only, Debian's package mirror (taken from this machine's apt sources).
#
# Usage: lab/db2-standin/test.sh        exit 0 when every check passed
set -eu

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${HAINSTALL_DB2_TEST_CACHE:-/var/cache/hainstall-db2-test}
PACKAGES=passwd,ksh,heartbeat,resource-agents
SUITE=bookworm

if [ "$(id -u)" != 0 ]; then
    echo "db2-standin test: needs root (mount/pid/uts namespaces, chroot)" >&2
    exit 1
fi
for tool in unshare chroot mount sha256sum flock; do
    command -v "$tool" >/dev/null || { echo "db2-standin test: $tool is missing" >&2; exit 1; }
done

start=$(date +%s)
key=$(printf '%s minbase %s' "$SUITE" "$PACKAGES" | sha256sum | cut -c1-12)
ROOTFS=$CACHE/rootfs-$key

mirror() {
    m=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null |
        grep -v security | awk '{ print $1; exit }')
    [ -n "$m" ] || m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" && $0 !~ /security/ { print ($2 ~ /^\[/ ? $3 : $2); exit }')
    printf '%s' "${m:-http://deb.debian.org/debian}"
}

if [ ! -f "$ROOTFS/.complete" ]; then
    command -v debootstrap >/dev/null || { echo "db2-standin test: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
    mkdir -p "$CACHE/debs"
    # One builder at a time; a second test run waits for the first one's image.
    # shellcheck disable=SC2016 # the inner script gets its values as arguments
    flock "$CACHE/.lock" sh -c '
        set -e
        [ -f "$1/.complete" ] && exit 0
        rm -rf "$1.tmp"
        echo "db2-standin test: building the test chroot $1 (once; about 1-2 minutes)"
        debootstrap --variant=minbase --include="$2" --cache-dir="$3/debs" "$4" "$1.tmp" "$5" >"$3/debootstrap.log" 2>&1 ||
            { tail -n 20 "$3/debootstrap.log" >&2; exit 1; }
        touch "$1.tmp/.complete"
        mv "$1.tmp" "$1"
    ' sh "$ROOTFS" "$PACKAGES" "$CACHE" "$SUITE" "$(mirror)"
fi
ready=$(date +%s)

work=$(mktemp -d "${TMPDIR:-/tmp}/db2-standin-test.XXXXXX")
# Mounts live in the nodes' private mount namespaces and vanish with them; only files remain to remove.
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/shared/db2home" "$work/shared/db2data"
"$here/build.sh" "$work/standin.tar.gz" >/dev/null

run_node() {
    unshare --mount --pid --fork --uts --ipc --net --propagation private \
        sh "$here/test/enter.sh" "$ROOTFS" "$work" "$1" "$here/test"
}

rc=0
if command -v shellcheck >/dev/null; then
    if shellcheck -s sh "$here/build.sh" "$here/test.sh" "$here/src/db2_install" "$here/src/lib/db2standin" \
        "$here/src/adm/db2sysc" "$here"/test/*.sh; then
        echo "ok   the stand-in's scripts are clean under shellcheck -s sh"
    else
        echo "FAIL shellcheck -s sh"
        rc=1
    fi
fi
run_node node1 || rc=1
run_node node2 || rc=1
end=$(date +%s)
echo "db2-standin test: chroot ready in $((ready - start)) s, nodes ran in $((end - ready)) s"
if [ "$rc" = 0 ]; then
    echo "db2-standin test: PASSED"
else
    echo "db2-standin test: FAILED"
fi
exit "$rc"
