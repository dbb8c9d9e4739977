#!/usr/bin/env bash
# The lab's cluster built the hand-made way: a plain bash script over ssh, what an administrator writes without an
# installer. No hainstall code. It is the baseline of lab/bench-by-hand.sh: the same work as `hainstall create`'s
# node steps (packages and DB2, time, disks and LVM, DRBD with a full initial sync, DB2 instance and database,
# backups, Heartbeat holding the service), so create's wall time over this script's is our orchestration overhead.
#
# Written the way a careful administrator would: the cluster's values at the top, one script per node and phase
# sent over one ssh connection, the two nodes in parallel where they are independent (the fastest plain way, so the
# ratio is an upper bound on our overhead), a blank check before each destructive command, and the secrets read
# from files and sent on ssh's stdin (never on a command line).
#
# Usage: SSH_CMD='ssh -i KEY -o …' SECRETS=DIR DB2_IMAGE=FILE lab/by-hand/cluster-by-hand.sh [PHASE…]
#   SECRETS holds heartbeat.authkey and drbd/RESOURCE.secret. Phases: packages ntp storage drbd db2 heartbeat sync
#   (default: all, in that order). Prints "phase NAME SECONDS" per phase on stdout, the nodes' output on stderr.
set -euo pipefail

: "${SSH_CMD:?SSH_CMD: the ssh command line reaching the nodes as root}"
: "${SECRETS:?SECRETS: the folder holding heartbeat.authkey and drbd/*.secret}"
: "${DB2_IMAGE:?DB2_IMAGE: the DB2 install image (tar.gz)}"

# --- the cluster (lab/cluster.yaml's values, as an administrator would write them down) ---------------------------
N1=lab-db1 N2=lab-db2                      # N1 holds the valid data: it becomes the first primary
declare -A ADDR=([lab-db1]=192.168.122.11 [lab-db2]=192.168.122.12)
declare -A REPL=([lab-db1]=10.10.0.11 [lab-db2]=10.10.0.12)
NTP_SERVER=192.168.122.1
DISK=/dev/vdb
VG=vg_db2
SERVICE_ADDRESS=192.168.122.50/24
UDP_PORT=6940
DB2_PATH=/opt/ibm/db2/V11.5
INSTANCE=db2inst1 FENCED=db2fenc1 DB2_PORT=50000 DB2_UID=1100 FENCED_UID=1101
DATABASE=SALES

# --- plumbing -----------------------------------------------------------------------------------------------------
peer_of() { if [[ $1 == "$N1" ]]; then echo "$N2"; else echo "$N1"; fi; }
on() { local n="$1"; shift; $SSH_CMD "root@${ADDR[$n]}" "$@"; }
# The script on stdin, run by bash on NODE, its output prefixed with the node's name.
run_on() { on "$1" bash -s 2>&1 | sed -u "s/^/$1: /" >&2; }
# COMMAND… NODE for both nodes at once; fails when either fails.
each_node() {
  local pids=() p n rc=0
  for n in "$N1" "$N2"; do "$@" "$n" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  return "$rc"
}
# The script on stdin, on both nodes at once.
on_both() { local script; script="$(cat)"; each_node run_script "$script"; }
run_script() { run_on "$2" <<<"$1"; }
phase() {
  local name="$1" start
  start=$(date +%s.%N)
  "phase_$name"
  awk -v s="$start" -v e="$(date +%s.%N)" -v n="$name" 'BEGIN { printf "phase %s %.1f\n", n, e - s }'
}

# --- phases -------------------------------------------------------------------------------------------------------
phase_packages() {
  on_both <<'EOF'
set -e
echo 'deb [trusted=yes] file:/run/hainstall-seed/hainstall/debs ./' > /etc/apt/sources.list.d/local.list
apt-get -q update >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends install \
  chrony parted fdisk lvm2 drbd-utils heartbeat ksh >/dev/null
echo "packages installed"
EOF
  each_node install_db2
}

# DB2 on NODE: the image copied over, installed silently, the copy removed.
install_db2() {
  on "$1" 'mkdir -p -m 0700 /var/tmp/db2 && cat > /var/tmp/db2/image.tar.gz' <"$DB2_IMAGE" || return 1
  run_on "$1" <<EOF
set -e
cd /var/tmp/db2 && tar -xzf image.tar.gz
./server_dec/db2_install -b $DB2_PATH -p SERVER -y -n
cd / && rm -rf /var/tmp/db2
EOF
}

phase_ntp() {
  on_both <<EOF
set -e
cat > /etc/chrony/chrony.conf <<'CONF'
server $NTP_SERVER iburst
driftfile /var/lib/chrony/chrony.drift
makestep 1 3
rtcsync
logdir /var/log/chrony
CONF
ln -sfn /usr/share/zoneinfo/Europe/Berlin /etc/localtime; echo Europe/Berlin > /etc/timezone   # no D-Bus for timedatectl
systemctl enable chrony
systemctl restart chrony
echo "chrony uses $NTP_SERVER"
EOF
}

phase_storage() {
  on_both <<EOF
set -e
# the data disk must be blank: no partition table, no filesystem, no signature of any kind
if [ -n "\$(wipefs --no-act $DISK)" ]; then echo "$DISK is not blank: \$(wipefs --no-act $DISK)"; exit 1; fi
parted -s $DISK mklabel gpt mkpart primary 1MiB 100% set 1 lvm on
udevadm settle
pvcreate ${DISK}1
vgcreate $VG ${DISK}1
lvcreate --yes --wipesignatures y -L 64m -n lv_db2home $VG
lvcreate --yes --wipesignatures y -L 128m -n lv_db2data $VG
lvcreate --yes --wipesignatures y -L 64m -n lv_backup $VG
mkfs -t ext4 -q /dev/$VG/lv_backup
echo '/dev/$VG/lv_backup /backup ext4 defaults 0 2' >> /etc/fstab
mkdir -p /backup && mount /backup
EOF
}

# resource NAME MINOR PORT: the resource file (with its secret: sent on stdin only)
drbd_resource() {
  local n
  printf 'resource %s {\n  net {\n    protocol C;\n    cram-hmac-alg sha1;\n    shared-secret "%s";\n' "$1" \
    "$(cat "$SECRETS/drbd/$1.secret")"
  printf '    after-sb-0pri discard-zero-changes;\n    after-sb-1pri consensus;\n    after-sb-2pri disconnect;\n  }\n'
  for n in "$N1" "$N2"; do
    printf '  on %s {\n    device /dev/drbd%s;\n    disk /dev/%s/lv_%s;\n    address %s:%s;\n    meta-disk internal;\n  }\n' \
      "$n" "$2" "$VG" "$1" "${REPL[$n]}" "$3"
  done
  printf '}\n'
}

phase_drbd() {
  local n
  for n in "$N1" "$N2"; do
    drbd_resource db2home 0 7789 | on "$n" 'umask 077 && cat > /etc/drbd.d/db2home.res'
    drbd_resource db2data 1 7790 | on "$n" 'umask 077 && cat > /etc/drbd.d/db2data.res'
  done
  on_both <<EOF
set -e
sed -i 's/usage-count yes/usage-count no/' /etc/drbd.d/global_common.conf   # no reports to LINBIT
echo drbd > /etc/modules-load.d/drbd.conf
modprobe drbd
drbdadm sh-nop
for r in db2home db2data; do
  if [ -n "\$(wipefs --no-act /dev/$VG/lv_\$r)" ]; then echo "/dev/$VG/lv_\$r is not blank"; exit 1; fi
  drbdadm create-md \$r </dev/null
  drbdadm up \$r
done
systemctl enable drbd
EOF
  # the first primary (full initial sync to the peer), once the peer is connected; its filesystems while it syncs
  run_on "$N1" <<EOF
set -e
for r in db2home db2data; do
  for i in \$(seq 300); do [ "\$(drbdadm cstate \$r)" = Connected ] && break; sleep 1; done
  drbdadm primary --force \$r
done
for d in /dev/drbd0 /dev/drbd1; do
  if [ -n "\$(wipefs --no-act \$d)" ]; then echo "\$d is not blank"; exit 1; fi
  mkfs -t ext4 -q \$d
done
mkdir -p /db2home /db2data
mount -t ext4 /dev/drbd0 /db2home
mount -t ext4 /dev/drbd1 /db2data
EOF
  run_on "$N2" <<<'mkdir -p /db2home /db2data'
}

phase_db2() {
  on_both <<EOF
set -e
groupadd -g $DB2_UID $INSTANCE
useradd -u $DB2_UID -g $INSTANCE -s /bin/bash -d /db2home/$INSTANCE -M $INSTANCE
groupadd -g $FENCED_UID $FENCED
useradd -u $FENCED_UID -g $FENCED -s /bin/bash -m $FENCED
printf 'db2c_$INSTANCE\t$DB2_PORT/tcp\n' >> /etc/services
cat > /usr/local/sbin/db2-backup <<'SCRIPT'
#!/bin/sh
# Backs up $DATABASE where $INSTANCE runs now (the active node); keeps 14 days.
pgrep -x -u $INSTANCE db2sysc >/dev/null || exit 0
dir=/backup/$INSTANCE/$DATABASE
mkdir -p \$dir && chown $INSTANCE \$dir
su - $INSTANCE -c ". ~/sqllib/db2profile && db2 backup database $DATABASE to \$dir" && find \$dir -type f -mtime +14 -delete
SCRIPT
chmod 0755 /usr/local/sbin/db2-backup
echo '0 2 * * * root /usr/local/sbin/db2-backup' > /etc/cron.d/db2-backup
EOF
  # the instance on the primary (its home on DRBD), a stub of it on the standby (the global registry)
  run_on "$N1" <<EOF &
set -e
install -d -o $INSTANCE -g $INSTANCE -m 0755 /db2home/$INSTANCE
$DB2_PATH/instance/db2icrt -u $FENCED -p $DB2_PORT $INSTANCE
chown $INSTANCE:$INSTANCE /db2data
su - $INSTANCE -c '. ~/sqllib/db2profile && db2start && db2 create database $DATABASE on /db2data using codeset UTF-8 territory US'
EOF
  local primary=$!
  run_on "$N2" <<EOF
$DB2_PATH/bin/db2greg -addinstrec service=DB2,instancename=$INSTANCE,instancepath=/db2home/$INSTANCE/sqllib,installpath=$DB2_PATH,startatboot=0
EOF
  wait "$primary"
}

phase_heartbeat() {
  local n peer
  for n in "$N1" "$N2"; do
    peer="$(peer_of "$n")"
    # the interfaces carrying the node's two addresses (names differ between machines)
    run_on "$n" <<EOF
set -e
main=\$(ip -o -4 addr show to ${ADDR[$n]}/32 | awk '{print \$2}')
repl=\$(ip -o -4 addr show to ${REPL[$n]}/32 | awk '{print \$2}')
cat > /etc/ha.d/ha.cf <<CONF
udpport $UDP_PORT
keepalive 1
warntime 5
deadtime 10
initdead 30
logfacility daemon
ucast \$main ${ADDR[$peer]}
ucast \$repl ${REPL[$peer]}
auto_failback off
node $N1
node $N2
CONF
echo "$N1 drbddisk::db2home drbddisk::db2data Filesystem::/dev/drbd0::/db2home::ext4 Filesystem::/dev/drbd1::/db2data::ext4 IPaddr2::$SERVICE_ADDRESS/\$main db2::$INSTANCE" > /etc/ha.d/haresources
EOF
    { echo 'auth 1'; echo "1 sha1 $(cat "$SECRETS/heartbeat.authkey")"; } | on "$n" 'umask 077 && cat > /etc/ha.d/authkeys'
  done
  # the resources handed to Heartbeat: released on the primary, then Heartbeat started on both; it takes them
  run_on "$N1" <<EOF
set -e
su - $INSTANCE -c '. ~/sqllib/db2profile && db2stop force'
umount /db2home /db2data
drbdadm secondary all
EOF
  on_both <<<'systemctl enable --now heartbeat'
  # wait until N1 holds the service: the address up and the instance running (up to 5 minutes)
  run_on "$N1" <<EOF
for i in \$(seq 300); do
  ip -o -4 addr show | grep -q ' ${SERVICE_ADDRESS%/*}/' && pgrep -x -u $INSTANCE db2sysc >/dev/null && { echo "holds the service"; exit 0; }
  sleep 1
done
echo "Heartbeat did not take the resources within 300 s"; exit 1
EOF
}

phase_sync() {
  run_on "$N1" <<'EOF'
until [ "$(grep -c 'ds:UpToDate/UpToDate' /proc/drbd)" = 2 ]; do sleep 1; done
echo "DRBD in sync"
EOF
}

# --- main ---------------------------------------------------------------------------------------------------------
phases=("$@")
((${#phases[@]})) || phases=(packages ntp storage drbd db2 heartbeat sync)
total=$(date +%s.%N)
for p in "${phases[@]}"; do
  declare -F "phase_$p" >/dev/null || { echo "unknown phase: $p (packages ntp storage drbd db2 heartbeat sync)" >&2; exit 2; }
  phase "$p"
done
awk -v s="$total" -v e="$(date +%s.%N)" 'BEGIN { printf "phase total %.1f\n", e - s }'
