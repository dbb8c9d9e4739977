#!/bin/sh
# Node 2 of the stand-in's test: takes the instance over after node 1 crashed (see ../test.sh).
# hainstall DB2 stand-in — NOT IBM DB2, test use only.
#
# /db2home and /db2data are the same folders node 1 used (standing for the DRBD filesystems), still holding
# node 1's run file. Node 2 gets the stub hainstall builds (same users and UIDs, the install, the instance in
# the global registry; the owner's login shell is ksh here, sh on node 1), then the real Heartbeat agent
# starts the instance here with its database.
set -u
# shellcheck disable=SC1091 # lib.sh is copied next to this script inside the chroot
. /root/test/lib.sh
INST=db2inst1
DB2DIR=/opt/ibm/db2/V11.5

echo "== node2 ($(cat /proc/sys/kernel/hostname))"
mkdir -p /root/image && tar -xzf /root/standin.tar.gz -C /root/image
check "db2_install on node 2" 0 /root/image/server_dec/db2_install -b $DB2DIR -p SERVER -y -n
groupadd -g 2001 db2iadm1 && groupadd -g 2002 db2fadm1
useradd -u 2001 -g db2iadm1 -d /db2home/$INST -s /bin/ksh $INST
useradd -u 2002 -g db2fadm1 -m -d /home/db2fenc1 -s /bin/sh db2fenc1
check "db2ilist before the stub" 0 $DB2DIR/instance/db2ilist
truth "  … is empty" test -z "$OUT"
check "db2greg -addinstrec (the stub)" 0 \
    $DB2DIR/bin/db2greg -addinstrec instancename=$INST,instancepath=/db2home/$INST/sqllib,installpath=$DB2DIR
check "db2greg -addinstrec again" 1 \
    $DB2DIR/bin/db2greg -addinstrec instancename=$INST,instancepath=/db2home/$INST/sqllib
check "db2ilist" 0 $DB2DIR/instance/db2ilist
expect "  … lists the instance" "^$INST\$"
check "db2greg -dump" 0 $DB2DIR/bin/db2greg -dump
expect "  … holds the instance record" "^I,DB2,11\\.5\\.8\\.0,$INST,/db2home/$INST/sqllib,"
mkdir -p /run/resource-agents
# A standby: the instance home is on the DRBD filesystem, which is not mounted here yet.
check "v1 db2 status on the standby (home not mounted)" 7 v1_db2 status
check "db2iupdt on the standby fails (no sqllib)" 1 $DB2DIR/instance/db2iupdt $INST
expect "  … DBI1069E" "DBI1069E"
take_filesystems
truth "node 1's run file came along on the shared home" grep -qx "host=node1" /db2home/$INST/sqllib/ctrl/standin.run
check "v1 db2 status: node 1's engine does not count here" 7 v1_db2 status
check "the database directory moved with the home" 0 as_owner db2 list database directory
expect "  … SALES" "^ Database name +  = SALES\$"
check "OCF db2 monitor before takeover" 7 ocf_db2 monitor
check "v1 db2 start on node 2 (takeover)" 0 v1_db2 start
truth "  … db2nodes.cfg now names node 2" grep -qx "0 node2 0" /db2home/$INST/sqllib/db2nodes.cfg
check "v1 db2 status" 0 v1_db2 status
check "OCF db2 monitor" 0 ocf_db2 monitor
check "db2 connect to SALES after the takeover" 0 as_owner 'db2 connect to SALES && db2 terminate'
check "db2set values moved too" 0 as_owner db2set DB2_STANDIN_TEST
truth "  … yes" test "$OUT" = yes
check "v1 db2 stop" 0 v1_db2 stop
check "v1 db2 status after stop" 7 v1_db2 status
check "db2 backup database SALES (stopped instance)" 4 as_owner db2 backup database SALES to /tmp
expect "  … SQL1032N" "SQL1032N"
check "db2iupdt on node 2" 0 $DB2DIR/instance/db2iupdt $INST
check "db2greg -delinstrec" 0 $DB2DIR/bin/db2greg -delinstrec instancename=$INST
check "db2greg -delinstrec again" 1 $DB2DIR/bin/db2greg -delinstrec instancename=$INST
check "db2iupdt registers it again" 0 $DB2DIR/instance/db2iupdt $INST
check "db2ilist" 0 $DB2DIR/instance/db2ilist
expect "  … lists the instance" "^$INST\$"
check "db2idrop" 0 $DB2DIR/instance/db2idrop $INST
check "db2ilist after db2idrop" 0 $DB2DIR/instance/db2ilist
truth "  … is empty" test -z "$OUT"
truth "  … the database files stay on their path" test -f /db2data/$INST/NODE0000/SQL00001/standin.cfg

finish node2
