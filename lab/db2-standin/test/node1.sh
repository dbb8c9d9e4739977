#!/bin/sh
# Node 1 of the stand-in's test, run inside a throwaway chroot (see ../test.sh).
# hainstall DB2 stand-in — NOT IBM DB2, test use only.
#
# Installs the stand-in from its image, creates users and an instance whose home is on the "replicated"
# folder /db2home (shared with node 2), exercises every command, then drives the REAL Heartbeat db2 agent
# (OCF and v1 wrapper). It ends with the instance running: the test kills this node's whole process
# namespace afterwards, which is a crash, and node2.sh takes the instance over.
set -u
# shellcheck disable=SC1091 # lib.sh is copied next to this script inside the chroot
. /root/test/lib.sh
INST=db2inst1
DB2DIR=/opt/ibm/db2/V11.5

echo "== node1 ($(cat /proc/sys/kernel/hostname))"

# --- install image --------------------------------------------------------------------------------------
mkdir -p /root/image && tar -xzf /root/standin.tar.gz -C /root/image
truth "image unpacks to server_dec/ with an executable db2_install" test -x /root/image/server_dec/db2_install
check "db2_install without -y is refused" 1 /root/image/server_dec/db2_install -b $DB2DIR -p SERVER -n
expect "  … with a message about the license" "license agreement was not accepted"
check "db2_install with an unknown product is refused" 1 /root/image/server_dec/db2_install -b $DB2DIR -p NOSUCH -y -n
check "db2_install with a relative path is refused" 1 /root/image/server_dec/db2_install -b opt/db2 -p SERVER -y -n
truth "  … and installs nothing" test ! -e $DB2DIR
check "db2_install -b PATH -p SERVER -y -n -f NOTSAMP -l LOG installs" 0 \
    /root/image/server_dec/db2_install -b $DB2DIR -p SERVER -y -n -f NOTSAMP -l /tmp/db2_install.log
expect "  … and says so" "The execution completed successfully"
truth "  … writes the log named by -l" test -s /tmp/db2_install.log
for f in bin/db2level bin/db2 bin/db2greg bin/db2set bin/db2nps bin/db2nkill instance/db2icrt \
         instance/db2iupdt instance/db2ilist instance/db2idrop adm/db2start adm/db2stop adm/db2sysc; do
    truth "  … $f is executable" test -x "$DB2DIR/$f"
done
check "a second db2_install into the same path is refused" 1 /root/image/server_dec/db2_install -b $DB2DIR -p SERVER -y -n
check "db2level answers" 0 $DB2DIR/bin/db2level
expect "  … and says it is the stand-in" "NOT IBM DB2"
check "db2greg -dump after install" 0 $DB2DIR/bin/db2greg -dump
expect "  … lists the installed copy" "^S,DB2,11\\.5\\.8\\.0,$DB2DIR,"

# --- users and instance ---------------------------------------------------------------------------------
take_filesystems
groupadd -g 2001 db2iadm1 && groupadd -g 2002 db2fadm1
useradd -u 2001 -g db2iadm1 -m -d /db2home/$INST -s /bin/sh $INST
useradd -u 2002 -g db2fadm1 -m -d /home/db2fenc1 -s /bin/sh db2fenc1
check "db2ilist with no instance" 0 $DB2DIR/instance/db2ilist
truth "  … prints nothing" test -z "$OUT"
check "db2icrt for a user that does not exist fails" 1 $DB2DIR/instance/db2icrt -u db2fenc1 nosuch
expect "  … naming the user" "DBI1131E .*nosuch"
check "db2icrt with a fenced user that does not exist fails" 1 $DB2DIR/instance/db2icrt -u nofence $INST
check "db2icrt without -u fails with its usage" 1 $DB2DIR/instance/db2icrt $INST
check "db2icrt -u FENCED -p 50000 db2inst1" 0 $DB2DIR/instance/db2icrt -u db2fenc1 -p 50000 $INST
expect "  … completes" "DBI1070I"
check "db2icrt for an existing instance fails" 1 $DB2DIR/instance/db2icrt -u db2fenc1 -p 50000 $INST
expect "  … saying it exists" "already exists"
truth "sqllib/db2profile is executable" test -x /db2home/$INST/sqllib/db2profile
truth "sqllib/bin/db2 is executable" test -x /db2home/$INST/sqllib/bin/db2
truth "sqllib/db2nodes.cfg names this host" grep -qx "0 node1 0" /db2home/$INST/sqllib/db2nodes.cfg
truth "sqllib belongs to the owner" test "$(stat -c %U:%G /db2home/$INST/sqllib/db2systm)" = "$INST:db2iadm1"
truth "db2icrt -p leaves /etc/services alone" sh -c '! grep -q db2 /etc/services'
check "db2ilist" 0 $DB2DIR/instance/db2ilist
expect "  … lists the instance" "^$INST\$"
check "db2greg -dump" 0 $DB2DIR/bin/db2greg -dump
expect "  … holds the instance record" "^I,DB2,11\\.5\\.8\\.0,$INST,/db2home/$INST/sqllib,"
check "db2iupdt on a stopped instance" 0 $DB2DIR/instance/db2iupdt $INST
check "db2iupdt again (idempotent)" 0 $DB2DIR/instance/db2iupdt $INST
truth "sqllib/adm/.fenced names the fenced user (as real DB2)" test "$(stat -c %U /db2home/$INST/sqllib/adm/.fenced)" = db2fenc1
# shellcheck disable=SC2016 # expanded by the owner's shell
check "db2profile sets DB2INSTANCE" 0 as_owner 'echo "$DB2INSTANCE"'
expect "  … to the instance" "^$INST\$"

# --- instance commands as the owner ---------------------------------------------------------------------
check "db2 list database directory when empty" 2 as_owner db2 list database directory
expect "  … SQL1057W" "SQL1057W"
check "db2stop when not started" 1 as_owner db2stop
expect "  … SQL1032N" "SQL1032N"
check "db2 create database before db2start" 4 as_owner db2 create database SALES on /db2data
expect "  … SQL1032N" "SQL1032N"
check "db2start" 0 as_owner db2start
expect "  … SQL1063N" "SQL1063N  DB2START processing was successful"
check "db2start again" 1 as_owner db2start
expect "  … SQL1026N" "SQL1026N"
truth "a db2sysc process runs as the owner" test "$(db2_process_count)" -ge 4
check "db2nps 0" 0 as_owner db2nps 0
expect "  … lists db2sysc" " db2sysc 0\$"
truth "  … at least 4 lines as the agent counts them" \
    test "$(printf '%s\n' "$OUT" | cut -c9- | grep -c ' db2[^ ]')" -ge 4
check "db2 create database on a path the owner cannot write" 4 as_owner db2 create database SALES on /db2data
expect "  … SQL10004C" "SQL10004C"
chown $INST:db2iadm1 /db2data
check "db2 create database SALES on /db2data using codeset UTF-8 territory US" 0 \
    as_owner db2 create database SALES on /db2data using codeset UTF-8 territory US
expect "  … DB20000I" "DB20000I  The CREATE DATABASE command completed successfully"
truth "  … its files are under /db2data/db2inst1/NODE0000" test -f /db2data/$INST/NODE0000/SQL00001/standin.cfg
check "creating it again fails" 4 as_owner db2 create database sales on /db2data
expect "  … SQL1005N" "SQL1005N"
check "an invalid database name fails" 4 as_owner db2 create database TOOLONGNAME on /db2data
expect "  … SQL1001N" "SQL1001N"
check "a missing path fails" 4 as_owner db2 create database OTHER on /nosuch
expect "  … SQL1052N" "SQL1052N"
check "db2 \"create database …\" as one argument" 0 as_owner "db2 \"create database INV on /db2data\""
check "db2 drop database INV" 0 as_owner db2 drop database INV
check "db2 list database directory" 0 as_owner db2 list database directory
expect "  … System Database Directory" "^ System Database Directory\$"
expect "  … one entry" "^ Number of entries in the directory = 1\$"
expect "  … Database 1 entry" "^Database 1 entry:\$"
expect "  … alias" "^ Database alias +  = SALES\$"
expect "  … name" "^ Database name +  = SALES\$"
expect "  … local directory" "^ Local database directory +  = /db2data\$"
expect "  … entry type" "^ Directory entry type +  = Indirect\$"
check "db2 get db cfg for SALES" 0 as_owner db2 get db cfg for sales
expect "  … HADR database role = STANDARD" "^ HADR database role +  = STANDARD\$"
expect "  … HADR_TIMEOUT" "\\(HADR_TIMEOUT\\) = 120\$"
expect "  … code set" "Database code set +  = UTF-8\$"
check "db2 get db cfg for a missing database" 4 as_owner db2 get db cfg for NOSUCH
expect "  … SQL1013N" "SQL1013N"
check "db2 get instance" 0 as_owner db2 get instance
expect "  … names it" "instance is:  $INST\$"
check "db2 get dbm cfg" 0 as_owner db2 get dbm cfg
expect "  … SVCENAME from db2icrt -p" "\\(SVCENAME\\) = 50000\$"
check "db2set DB2_STANDIN_TEST=yes" 0 as_owner db2set DB2_STANDIN_TEST=yes
check "db2set -all" 0 as_owner db2set -all
expect "  … instance level" "^\\[i\\] DB2_STANDIN_TEST=yes\$"
expect "  … DB2COMM set by db2icrt -p" "^\\[i\\] DB2COMM=TCPIP\$"
expect "  … global level" "^\\[g\\] DB2SYSTEM=node1\$"
truth "  … kept in sqllib/profile.env" grep -q "^DB2_STANDIN_TEST='yes'" /db2home/$INST/sqllib/profile.env
check "db2set -i db2inst1 as root" 0 $DB2DIR/bin/db2set -i $INST DB2_ROOT_SET=1
truth "  … the file still belongs to the owner" test "$(stat -c %U /db2home/$INST/sqllib/profile.env)" = $INST
check "db2set DB2_ROOT_SET= removes it" 0 as_owner db2set DB2_ROOT_SET=
truth "  … gone" sh -c '! grep -q DB2_ROOT_SET /db2home/db2inst1/sqllib/profile.env'
mkdir -p /backup && chown $INST /backup
check "db2 backup database SALES to /backup" 0 as_owner db2 backup database SALES to /backup
expect "  … Backup successful" "^Backup successful. The timestamp for this backup image is : [0-9]{14}\$"
truth "  … image named like the real one" sh -c 'ls /backup | grep -Eq "^SALES\.0\.db2inst1\.DBPART000\.[0-9]{14}\.001$"'
check "db2 backup to a missing folder" 4 as_owner db2 backup database SALES to /nosuch
expect "  … SQL2036N" "SQL2036N"
check "db2 activate db SALES" 0 as_owner db2 activate db SALES
check "db2 activate db SALES again" 2 as_owner db2 activate db SALES
expect "  … SQL1490W first" "^SQL1490W"
check "db2 list active databases" 0 as_owner db2 list active databases
expect "  … SALES" "^Database name += SALES\$"
check "online backup without archive logging" 4 as_owner db2 backup db SALES online to /backup
expect "  … SQL2413N" "SQL2413N"
check "db2 with a command the stand-in does not know" 4 as_owner db2 restore db SALES from /backup
expect "  … SQL0104N" "SQL0104N"
check "db2pd -hadr -db SALES" 0 as_owner db2pd -hadr -db SALES
expect "  … HADR is not active" "^HADR is not active"
check "offline backup of an active database" 4 as_owner db2 backup db SALES to /backup
expect "  … SQL1035N" "SQL1035N"
check "db2stop with an active database" 1 as_owner db2stop
expect "  … SQL1025N" "SQL1025N"
check "db2 deactivate db SALES" 0 as_owner db2 deactivate db SALES
check "db2 update db cfg for SALES using LOGARCHMETH1 DISK:/backup" 0 \
    as_owner db2 update db cfg for SALES using LOGARCHMETH1 DISK:/backup
check "db2 get db cfg shows the update" 0 as_owner db2 get db cfg for SALES
expect "  … LOGARCHMETH1" "\\(LOGARCHMETH1\\) = DISK:/backup\$"
expect "  … and backup pending" "^ Backup pending +  = YES\$"
check "db2 connect while backup pending" 4 as_owner db2 connect to SALES
expect "  … SQL1116N" "SQL1116N"
check "online backup while backup pending" 4 as_owner db2 backup db SALES online to /backup
check "offline backup clears backup pending" 0 as_owner db2 backup db SALES to /backup
check "db2 activate db SALES after it" 0 as_owner db2 activate db SALES
check "online backup of the active database" 0 as_owner db2 backup db SALES online to /backup
check "db2 deactivate db SALES" 0 as_owner db2 deactivate db SALES
check "offline backup from a shell connected to it (the connection ends)" 0 \
    as_owner 'db2 connect to SALES && db2 backup db SALES to /backup'
check "db2 connect / select / terminate in one shell" 0 \
    as_owner 'db2 connect to SALES && db2 "select * from sysibm.sysversions" && db2 terminate'
expect "  … connected" "Local database alias   = SALES"
expect "  … 1 record selected" "1 record\\(s\\) selected"
check "db2 select without a connection" 4 as_owner 'db2 "select * from sysibm.sysversions"'
expect "  … SQL1024N" "SQL1024N"
check "db2 connect to a missing database" 4 as_owner db2 connect to NOSUCH
check "db2iupdt while the instance runs" 1 $DB2DIR/instance/db2iupdt $INST
check "db2stop force" 0 as_owner db2stop force
expect "  … SQL1064N" "SQL1064N  DB2STOP processing was successful"
truth "  … no db2 process is left" test "$(db2_process_count)" = 0
check "db2start dbpartitionnum 0 (as the agent calls it)" 0 as_owner db2start dbpartitionnum 0
check "db2nkill 0" 0 as_owner db2nkill 0
truth "  … no db2 process is left" test "$(db2_process_count)" = 0
check "db2stop after db2nkill" 1 as_owner db2stop force
expect "  … SQL1032N" "SQL1032N"

# --- the REAL Heartbeat db2 agent (resource-agents) -----------------------------------------------------
mkdir -p /run/resource-agents
check "OCF db2 monitor, instance stopped" 7 ocf_db2 monitor
check "OCF db2 start" 0 ocf_db2 start
truth "  … a db2sysc process runs" test "$(db2_process_count)" -ge 4
check "  … the agent activated SALES" 0 as_owner db2pd -hadr -db SALES
expect "  … db2pd says so" "Database SALES -- Active"
check "OCF db2 monitor, running" 0 ocf_db2 monitor
check "OCF db2 start again" 0 ocf_db2 start
check "OCF db2 stop" 0 ocf_db2 stop
truth "  … no db2 process is left" test "$(db2_process_count)" = 0
check "OCF db2 monitor after stop" 7 ocf_db2 monitor
check "OCF db2 stop again" 0 ocf_db2 stop
check "v1 db2 status, stopped" 7 v1_db2 status
expect "  … which heartbeat reads as not running" "Resource is stopped"
check "v1 db2 start" 0 v1_db2 start
check "v1 db2 status, running" 0 v1_db2 status
expect "  … Running OK" "Running OK"
check "v1 db2 stop" 0 v1_db2 stop
check "v1 db2 status after stop" 7 v1_db2 status

# An instance with an empty database directory: `db2 list database directory` ends with SQL1057W (rc 2) and
# the real agent refuses it — an HA instance needs a database before Heartbeat manages it.
useradd -u 2003 -g db2iadm1 -m -d /home/db2inst2 -s /bin/sh db2inst2
check "db2icrt db2inst2 (no database)" 0 $DB2DIR/instance/db2icrt -u db2fenc1 db2inst2
INST=db2inst2
check "OCF db2 start of an instance without databases fails (OCF_ERR_INSTALLED)" 5 ocf_db2 start
check "db2idrop db2inst2" 0 $DB2DIR/instance/db2idrop db2inst2
truth "  … its sqllib is gone" test ! -e /home/db2inst2/sqllib
INST=db2inst1
check "db2ilist after db2idrop" 0 $DB2DIR/instance/db2ilist
truth "  … lists only db2inst1" test "$OUT" = db2inst1

# Leave the instance running with SALES active: the test then kills this node (a crash).
check "v1 db2 start (before the crash)" 0 v1_db2 start
truth "  … running" test "$(db2_process_count)" -ge 4

finish node1
