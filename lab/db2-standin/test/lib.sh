# Assertions for the stand-in's tests (sourced by node1.sh and node2.sh inside the test chroot; POSIX sh).
# hainstall DB2 stand-in — NOT IBM DB2, test use only.

FAILS=0
CHECKS=0
OUT=''
RC=0

# check DESCRIPTION EXPECTED_RC COMMAND [ARGS…]: runs the command, keeps its output in $OUT.
check() {
    c_desc=$1
    c_want=$2
    shift 2
    c_t0=$(date +%s)
    OUT=$("$@" 2>&1)
    RC=$?
    c_secs=$(($(date +%s) - c_t0))
    CHECKS=$((CHECKS + 1))
    if [ "$RC" = "$c_want" ]; then
        printf 'ok   %s (rc %s, %s s)\n' "$c_desc" "$RC" "$c_secs"
    else
        FAILS=$((FAILS + 1))
        printf 'FAIL %s: rc %s, expected %s\n' "$c_desc" "$RC" "$c_want"
        printf '%s\n' "$OUT" | sed 's/^/     | /'
    fi
}

# expect DESCRIPTION PATTERN: the last command's output holds a line matching the extended regex.
expect() {
    CHECKS=$((CHECKS + 1))
    if printf '%s\n' "$OUT" | grep -Eq -- "$2"; then
        printf 'ok   %s\n' "$1"
    else
        FAILS=$((FAILS + 1))
        printf 'FAIL %s: no line matches /%s/ in:\n' "$1" "$2"
        printf '%s\n' "$OUT" | sed 's/^/     | /'
    fi
}

# truth DESCRIPTION COMMAND [ARGS…]: the command succeeds (for file and process facts).
truth() {
    t_desc=$1
    shift
    CHECKS=$((CHECKS + 1))
    if "$@" >/dev/null 2>&1; then
        printf 'ok   %s\n' "$t_desc"
    else
        FAILS=$((FAILS + 1))
        printf 'FAIL %s\n' "$t_desc"
    fi
}

# as_owner COMMANDS: runs them as the instance owner with its db2profile, the way hainstall does.
as_owner() {
    su - "$INST" -c ". ~/sqllib/db2profile; $*"
}

# The real Heartbeat agent, called the way heartbeat's v1 wrapper and Pacemaker call it.
ocf_db2() {
    OCF_ROOT=/usr/lib/ocf OCF_RESKEY_instance=$INST OCF_RESOURCE_INSTANCE=db2_$INST \
        /usr/lib/ocf/resource.d/heartbeat/db2 "$1"
}

v1_db2() {
    /etc/ha.d/resource.d/db2 "$INST" "$1"
}

# Number of live processes of the instance owner whose name starts with db2.
db2_process_count() {
    n=0
    for d in /proc/[0-9]*; do
        c=$(cat "$d/comm" 2>/dev/null) || continue
        case "$c" in db2*) ;; *) continue ;; esac
        grep -q '^State:[[:space:]]*Z' "$d/status" 2>/dev/null && continue
        u=$(awk '$1 == "Uid:" { print $2 }' "$d/status" 2>/dev/null)
        [ "$u" = "$(id -u "$INST")" ] && n=$((n + 1))
    done
    echo "$n"
}

finish() {
    printf '%s: %s checks, %s failed\n' "$1" "$CHECKS" "$FAILS"
    [ "$FAILS" = 0 ]
}

# take_filesystems: mounts the "DRBD" folders where the instance expects them (Heartbeat's Filesystem step).
take_filesystems() {
    mount --bind /srv/drbd/db2home /db2home && mount --bind /srv/drbd/db2data /db2data
}
