#!/bin/sh
# Run on a smoke-test node over SSH (lab/smoke.sh): prints the facts the smoke test checks, one per line.
echo "name=$(uname -n)"
echo "vdb=$(lsblk -bdno SIZE /dev/vdb) fstype=$(lsblk -no FSTYPE /dev/vdb | tr -d ' \n')"
echo "repl=$(ip -4 -o addr show dev eth1 | awk '{print $4}')"
echo "hook=$(cloud-init status 2>/dev/null | awk '{print $2}') marker=$(test -f /var/lib/lab-test-seed/applied && echo yes)"
echo "preinstalled=$(dpkg-query -W -f '${Package} ${Status}\n' drbd-utils heartbeat chrony lvm2 parted ksh 2>/dev/null \
  | grep -c ' installed$')"
