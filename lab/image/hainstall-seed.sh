#!/bin/sh
# The lab stub's first-boot hook (what a real admin's stub may do too): find the seed ISO by its volume
# label (cidata), mount it read-only and run the node-prep script it carries. The seed stays mounted at
# /run/hainstall-seed, so later steps can still read it (e.g. its hainstall/debs package folder).
# A marker stops it from running again once node-prep succeeded.
set -u
MOUNT=/run/hainstall-seed
MARKER=/var/lib/hainstall-seed/applied

modprobe sr_mod 2>/dev/null || true
modprobe isofs 2>/dev/null || true
udevadm settle --timeout=30 || true

dev=""
i=0
while [ "$i" -lt 30 ]; do
  dev="$(blkid -L cidata 2>/dev/null || true)"
  [ -n "$dev" ] && break
  i=$((i + 1))
  sleep 1
done
if [ -z "$dev" ]; then
  echo "hainstall-seed: no seed ISO (label cidata) found; nothing to do"
  exit 0
fi

mkdir -p "$MOUNT"
if ! mountpoint -q "$MOUNT"; then
  mount -t iso9660 -o ro "$dev" "$MOUNT" || { echo "hainstall-seed: cannot mount $dev"; exit 1; }
fi
if [ ! -f "$MOUNT/hainstall/node-prep.sh" ]; then
  echo "hainstall-seed: $dev has no hainstall/node-prep.sh"
  exit 1
fi

echo "hainstall-seed: running node-prep from $dev"
sh "$MOUNT/hainstall/node-prep.sh" "$MOUNT"
rc=$?
if [ "$rc" -eq 0 ]; then
  mkdir -p "$(dirname "$MARKER")"
  date -u +%Y-%m-%dT%H:%M:%SZ > "$MARKER"
fi
echo "hainstall-seed: node-prep exited $rc"
exit "$rc"
