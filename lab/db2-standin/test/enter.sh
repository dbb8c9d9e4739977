#!/bin/sh
# Runs one "node" of the stand-in's test: called by ../test.sh inside `unshare --mount --pid --fork --uts
# --ipc --net`, so every mount below, the host name and every process vanish when it ends (the end of the
# pid namespace kills whatever still runs: for node1 that is the crash node2 takes over from).
# hainstall DB2 stand-in — NOT IBM DB2, test use only.
#
# Usage: enter.sh ROOTFS WORK NODE TESTDIR
set -eu
rootfs=$1 work=$2 node=$3 testdir=$4
m=$work/$node/merged
mkdir -p "$work/$node/upper" "$work/$node/work" "$m"
mount -t overlay overlay -o "lowerdir=$rootfs,upperdir=$work/$node/upper,workdir=$work/$node/work" "$m"
mount -t proc proc "$m/proc"
mount -t tmpfs -o mode=755 tmpfs "$m/dev"
mknod -m 666 "$m/dev/null" c 1 3
mknod -m 666 "$m/dev/zero" c 1 5
mknod -m 666 "$m/dev/full" c 1 7
mknod -m 666 "$m/dev/random" c 1 8
mknod -m 666 "$m/dev/urandom" c 1 9
mknod -m 666 "$m/dev/tty" c 5 0
mount -t tmpfs -o mode=755 tmpfs "$m/run"
mount -t tmpfs -o mode=1777 tmpfs "$m/tmp"
# The shared folders stand for the DRBD filesystems that move between the nodes: they are reachable under
# /srv/drbd, and a node script mounts them on /db2home and /db2data when it takes the service (as
# Heartbeat's Filesystem resource would).
for d in db2home db2data; do
    mkdir -p "$m/srv/drbd/$d" "$m/$d"
    mount --bind "$work/shared/$d" "$m/srv/drbd/$d"
done
mkdir -p "$m/root/test"
cp "$testdir/lib.sh" "$testdir/$node.sh" "$m/root/test/"
cp "$work/standin.tar.gz" "$m/root/standin.tar.gz"
printf '%s' "$node" >/proc/sys/kernel/hostname
printf '%s\n' "$node" >"$m/etc/hostname"
exec chroot "$m" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    /bin/sh "/root/test/$node.sh"
