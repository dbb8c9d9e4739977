#!/bin/sh
# hainstall node-prep: prepares a new node from its seed ISO, then calls the installer back.
#
#   sh node-prep.sh SEED_DIR        (SEED_DIR = where the seed ISO is mounted)
#
# Run by the stub's first-boot unit, by cloud-init (user-data), or by hand on the console. Safe to run again:
# every step checks before it changes, and a second call back is answered "already done".
# Needs: sh, ip (iproute2), and python3 (every cloud-init stub has it) or else curl and openssl.
# Does: interfaces found by MAC get their addresses (with broadcast), default route, DNS, hostname, /etc/hosts
# for both nodes, persisted network config; the node's own SSH host keys; the admin's key for ACCESS_USER; a new
# machine-id; a local apt source when the seed carries .deb files. Then it posts its prep status and host-key
# fingerprints to CALLBACK_URL, proving its one-time token with an HMAC (the token itself is never sent, and never
# in any argv). Once the installer has accepted it, cloud-init is switched off so later boots keep this identity.
#
# HAINSTALL_ROOT (tests only): a folder standing in for /; commands that would change the running system
# (ip, hostname, systemctl) are then written to $HAINSTALL_ROOT/hainstall-commands.log instead of being run.
set -u
umask 077

SEED=${1:-}
if [ -z "$SEED" ] || [ ! -f "$SEED/hainstall/node.env" ]; then
    echo "usage: sh node-prep.sh SEED_DIR   (SEED_DIR/hainstall/node.env must exist)" >&2
    exit 2
fi
H="$SEED/hainstall"
R=${HAINSTALL_ROOT:-}
LOG="$R/var/log/hainstall-node-prep.log"
STATUS=ok
CALLBACK_TRIES=${HAINSTALL_CALLBACK_TRIES:-60}

mkdir -p "$R/var/log"
log() {
    printf '%s node-prep: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" | tee -a "$LOG" >&2
}

# A step that failed marks the status; the first failure names it. Later steps still run, so the call back
# tells the installer as much as possible.
fail() {
    log "FAILED ($1): $2"
    if [ "$STATUS" = ok ]; then
        STATUS="failed:$1"
    fi
}

# Changes to the running system go through here, so that a test on a fake root changes nothing real.
sys() {
    if [ -n "$R" ]; then
        printf '%s\n' "$*" >>"$R/hainstall-commands.log"
    else
        "$@"
    fi
}

# put_file DEST MODE: stdin to DEST atomically (temp file beside it, mode set before the rename).
put_file() {
    _dir=$(dirname "$1")
    mkdir -p "$_dir" || return 1
    _tmp="$_dir/.hainstall.$$.tmp"
    cat >"$_tmp" && chmod "$2" "$_tmp" && mv -f "$_tmp" "$1"
}

# shellcheck source=/dev/null
. "$H/node.env"

for v in NODE_NAME NODE_ADDRESS NODE_PREFIX NODE_MAC PEER_NAME PEER_ADDRESS CALLBACK_URL ACCESS_USER; do
    eval "val=\${$v:-}"
    # shellcheck disable=SC2154
    if [ -z "$val" ]; then
        log "node.env lacks $v"
        exit 2
    fi
done
log "preparing $NODE_NAME from $SEED"

# The interface whose MAC is $1 (lowercase), or nothing.
if_by_mac() {
    for _a in "$R"/sys/class/net/*/address; do
        [ -f "$_a" ] || continue
        if [ "$(tr 'A-F' 'a-f' <"$_a")" = "$1" ]; then
            basename "$(dirname "$_a")"
            return 0
        fi
    done
    return 1
}

fqdn() {
    if [ -n "${DOMAIN:-}" ]; then
        printf '%s.%s' "$1" "$DOMAIN"
    else
        printf '%s' "$1"
    fi
}

# Comments out what /etc/network/interfaces says about an interface we now configure (a stub's dhcp stanza).
disown_interface() {
    _f="$R/etc/network/interfaces"
    [ -f "$_f" ] || return 0
    grep -Eq "^[[:space:]]*(auto|allow-hotplug|iface)[[:space:]].*\\<$1\\>" "$_f" || return 0
    awk -v ifc="$1" '
        /^[ \t]*(auto|allow-hotplug)[ \t]/ { if (index(" " $0 " ", " " ifc " ")) { print "# hainstall: " $0; next } }
        /^[ \t]*iface[ \t]/ { skipping = ($2 == ifc) }
        /^[^ \t#]/ && !/^[ \t]*iface[ \t]/ { skipping = 0 }
        { if (skipping) print "# hainstall: " $0; else print }
    ' "$_f" | put_file "$_f" 0644
}

configure_address() { # IF ADDRESS PREFIX
    sys ip link set dev "$1" up &&
        sys ip addr replace "$2/$3" brd + dev "$1"
}

step_network() {
    MAIN_IF=$(if_by_mac "$NODE_MAC") || { fail network "no interface has MAC $NODE_MAC"; return; }
    configure_address "$MAIN_IF" "$NODE_ADDRESS" "$NODE_PREFIX" || { fail network "address on $MAIN_IF"; return; }
    if [ -n "${NODE_GATEWAY:-}" ]; then
        sys ip route replace default via "$NODE_GATEWAY" dev "$MAIN_IF" || fail network "default route"
    fi
    REPL_IF=
    if [ -n "${REPL_ADDRESS:-}" ]; then
        REPL_IF=$(if_by_mac "$REPL_MAC") || { fail network "no interface has MAC $REPL_MAC"; return; }
        configure_address "$REPL_IF" "$REPL_ADDRESS" "$REPL_PREFIX" || fail network "address on $REPL_IF"
    fi
    log "main interface $MAIN_IF ($NODE_ADDRESS/$NODE_PREFIX)${REPL_IF:+, replication $REPL_IF ($REPL_ADDRESS/$REPL_PREFIX)}"
    persist_network
}

persist_network() {
    if [ -d "$R/etc/network" ]; then
        disown_interface "$MAIN_IF"
        [ -n "$REPL_IF" ] && disown_interface "$REPL_IF"
        {
            echo "# hainstall: this node's addresses (written by node-prep)"
            echo "auto $MAIN_IF"
            echo "iface $MAIN_IF inet static"
            echo "    address $NODE_ADDRESS/$NODE_PREFIX"
            echo "    broadcast +"
            [ -n "${NODE_GATEWAY:-}" ] && echo "    gateway $NODE_GATEWAY"
            if [ -n "$REPL_IF" ]; then
                echo ""
                echo "auto $REPL_IF"
                echo "iface $REPL_IF inet static"
                echo "    address $REPL_ADDRESS/$REPL_PREFIX"
                echo "    broadcast +"
            fi
        } | put_file "$R/etc/network/interfaces.d/hainstall" 0644 || fail network "cannot persist network config"
    elif [ -d "$R/etc/systemd/network" ]; then
        {
            echo "[Match]"
            echo "MACAddress=$NODE_MAC"
            echo "[Network]"
            echo "Address=$NODE_ADDRESS/$NODE_PREFIX"
            [ -n "${NODE_GATEWAY:-}" ] && echo "Gateway=$NODE_GATEWAY"
        } | put_file "$R/etc/systemd/network/10-hainstall-main.network" 0644 || fail network "cannot persist"
        if [ -n "$REPL_IF" ]; then
            printf '[Match]\nMACAddress=%s\n[Network]\nAddress=%s/%s\n' "$REPL_MAC" "$REPL_ADDRESS" "$REPL_PREFIX" |
                put_file "$R/etc/systemd/network/10-hainstall-replication.network" 0644 || fail network "cannot persist"
        fi
    else
        log "neither ifupdown nor systemd-networkd found: addresses set for this boot only"
    fi
}

step_hostname() {
    echo "$NODE_NAME" | put_file "$R/etc/hostname" 0644 || { fail hostname "cannot write /etc/hostname"; return; }
    if command -v hostname >/dev/null 2>&1; then
        sys hostname "$NODE_NAME" || fail hostname "hostname $NODE_NAME"
    elif [ -z "$R" ]; then
        echo "$NODE_NAME" >/proc/sys/kernel/hostname || fail hostname "cannot set the host name"
    fi
}

step_hosts() {
    _hosts="$R/etc/hosts"
    [ -f "$_hosts" ] || : >"$_hosts"
    {
        # Keep everything but our own block and Debian's 127.0.1.1 line (a static address replaces it).
        awk '/^# hainstall begin/ { skip = 1 } !skip && !/^127\.0\.1\.1[ \t]/ { print } /^# hainstall end/ { skip = 0 }' "$_hosts"
        echo "# hainstall begin"
        echo "$NODE_ADDRESS $(fqdn "$NODE_NAME") $NODE_NAME"
        echo "$PEER_ADDRESS $(fqdn "$PEER_NAME") $PEER_NAME"
        [ -n "${REPL_ADDRESS:-}" ] && echo "$REPL_ADDRESS $NODE_NAME-repl"
        [ -n "${PEER_REPL_ADDRESS:-}" ] && echo "$PEER_REPL_ADDRESS $PEER_NAME-repl"
        echo "# hainstall end"
    } | put_file "$_hosts" 0644 || fail hosts "cannot write /etc/hosts"
}

step_dns() {
    [ -n "${DNS_SERVERS:-}" ] || return 0
    if [ -L "$R/etc/resolv.conf" ]; then
        log "/etc/resolv.conf is a link (a resolver service manages it): left alone"
        return 0
    fi
    {
        echo "# hainstall (node-prep)"
        [ -n "${DOMAIN:-}" ] && echo "search $DOMAIN"
        for _ns in $DNS_SERVERS; do
            echo "nameserver $_ns"
        done
    } | put_file "$R/etc/resolv.conf" 0644 || fail dns "cannot write /etc/resolv.conf"
}

# Only the generated key may be served: sshd would otherwise offer the stub's own keys, which nobody pinned.
step_hostkeys() {
    _ssh="$R/etc/ssh"
    mkdir -p "$_ssh" || { fail hostkeys "no /etc/ssh"; return; }
    for _k in "$_ssh"/ssh_host_*_key "$_ssh"/ssh_host_*_key.pub; do
        case "$_k" in
            */ssh_host_ed25519_key | */ssh_host_ed25519_key.pub) ;;
            *) [ -e "$_k" ] && rm -f "$_k" ;;
        esac
    done
    if ! { put_file "$_ssh/ssh_host_ed25519_key" 0600 <"$H/ssh/ssh_host_ed25519_key" &&
        put_file "$_ssh/ssh_host_ed25519_key.pub" 0644 <"$H/ssh/ssh_host_ed25519_key.pub"; }; then
        fail hostkeys "cannot install the host keys"
        return
    fi
    # A running sshd serves the key it started with (cloud-init made one): restarted, and only then does the node
    # call back, so the installer's first connection meets the pinned key. Open sessions survive a restart.
    if sys systemctl is-active --quiet ssh.service 2>/dev/null; then
        sys systemctl restart ssh.service || fail hostkeys "sshd did not restart with the installed host key"
    elif sys systemctl is-failed --quiet ssh.service 2>/dev/null; then
        sys systemctl --no-block restart ssh.service || log "ssh could not be started"
    else
        log "ssh is not running yet: it starts with the installed host key"
    fi
}

step_access() {
    _entry=$(awk -F: -v u="$ACCESS_USER" '$1 == u { print; exit }' "$R/etc/passwd")
    if [ -z "$_entry" ]; then
        fail access "user $ACCESS_USER does not exist"
        return
    fi
    _uid=$(echo "$_entry" | cut -d: -f3)
    _gid=$(echo "$_entry" | cut -d: -f4)
    _home=$R$(echo "$_entry" | cut -d: -f6)
    _key=$(cat "$H/authorized_keys")
    if ! { mkdir -p "$_home/.ssh" && chmod 0700 "$_home/.ssh"; }; then
        fail access "cannot create $_home/.ssh"
        return
    fi
    _ak="$_home/.ssh/authorized_keys"
    if [ ! -f "$_ak" ] || ! grep -qxF "$_key" "$_ak"; then
        { [ -f "$_ak" ] && cat "$_ak"; echo "$_key"; } | put_file "$_ak" 0600 || { fail access "authorized_keys"; return; }
    fi
    chown "$_uid:$_gid" "$_home/.ssh" "$_ak" || fail access "cannot give $_home/.ssh to $ACCESS_USER"
}

# A clone carries its stub's machine-id; give it its own, once (a second run keeps the one it made).
step_machine_id() {
    _mark="$R/var/lib/hainstall/machine-id"
    if [ -f "$_mark" ] && [ -f "$R/etc/machine-id" ] && cmp -s "$_mark" "$R/etc/machine-id"; then
        return 0
    fi
    _id=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    if ! { mkdir -p "$R/var/lib/hainstall" && echo "$_id" | put_file "$R/etc/machine-id" 0444 &&
        echo "$_id" | put_file "$_mark" 0444; }; then
        fail machine-id "cannot write /etc/machine-id"
    fi
    [ -f "$R/var/lib/dbus/machine-id" ] && ! [ -L "$R/var/lib/dbus/machine-id" ] && rm -f "$R/var/lib/dbus/machine-id"
    return 0
}

step_local_repo() {
    [ -d "$H/debs" ] || return 0
    _repo="$R/var/lib/hainstall/debs"
    if ! { mkdir -p "$_repo" && chmod 0755 "$R/var/lib/hainstall" "$_repo" &&
        cp -f "$H"/debs/* "$_repo"/ && chmod 0644 "$_repo"/*; }; then
        fail local-repo "cannot copy the packages to /var/lib/hainstall/debs"
        return
    fi
    echo "deb [trusted=yes] file:/var/lib/hainstall/debs ./" |
        put_file "$R/etc/apt/sources.list.d/hainstall-local.list" 0644 || fail local-repo "cannot write the apt source"
}

# "SHA256:…" of each host key sshd will serve, as ssh-keygen -l prints it.
fingerprints() {
    _sep=
    for _p in "$R"/etc/ssh/ssh_host_*_key.pub; do
        [ -f "$_p" ] || continue
        _fp=$(awk '{ print $2 }' "$_p" | openssl base64 -d -A | openssl dgst -sha256 -binary | openssl base64 -A | tr -d '=')
        printf '%s"SHA256:%s"' "$_sep" "$_fp"
        _sep=,
    done
}

# HMAC-SHA256 of the file $2, keyed by the token in file $1, as lowercase hex — built from two plain SHA-256 runs
# (RFC 2104), so that the token never appears in any process's argv (openssl dgst -hmac KEY would show it in ps).
# The token is 64 ASCII characters: exactly SHA-256's block, so it is used as is. printf is the shell's builtin.
hmac_sha256() {
    _dir=$(mktemp -d) || return 1
    for _b in $(tr -d ' \n' <"$1" | od -An -v -tu1); do
        printf '%b' "\\0$(printf '%o' $((_b ^ 54)))" >>"$_dir/ipad"
        printf '%b' "\\0$(printf '%o' $((_b ^ 92)))" >>"$_dir/opad"
    done
    cat "$_dir/ipad" "$2" | openssl dgst -sha256 -binary >"$_dir/inner"
    cat "$_dir/opad" "$_dir/inner" | openssl dgst -sha256 | awk '{ print $NF }'
    rm -rf "$_dir"
}

# The call back without python3: curl and openssl. Same protocol as callback.py.
call_back_with_curl() {
    _path="/${CALLBACK_URL#http://*/}"
    _offset=0
    _try=0
    _msg=$(mktemp) || return 1
    while [ "$_try" -lt "$CALLBACK_TRIES" ]; do
        _try=$((_try + 1))
        _ts=$(($(date +%s) + _offset))
        _nonce=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
        _body=$(printf '{"node":"%s","timestamp":"%s","nonce":"%s","prepStatus":"%s","hostKeyFingerprints":[%s]}' \
            "$NODE_NAME" "$_ts" "$_nonce" "$STATUS" "$(fingerprints)")
        printf 'POST\n%s\n%s\n%s' "$_path" "$_ts" "$_body" >"$_msg"
        _sig=$(hmac_sha256 "$H/callback.token" "$_msg")
        _answer=$(curl -sS --max-time 20 -o /dev/null -D - -w '%{http_code}' \
            -H 'Content-Type: application/json' \
            -H "X-Hainstall-Timestamp: $_ts" -H "X-Hainstall-Signature: $_sig" \
            --data-binary "$_body" "$CALLBACK_URL") || _answer=000
        _code=$(printf '%s' "$_answer" | tail -n 1)
        _server_time=$(printf '%s' "$_answer" | tr -d '\r' | awk -F': *' 'tolower($1) == "x-hainstall-server-time" { print $2 }')
        if [ "$_code" = 400 ] && [ -n "$_server_time" ] && [ "$_offset" = 0 ]; then
            _offset=$((_server_time - $(date +%s)))
            log "this node's clock is $_offset s off the installer's: signing again with the installer's time"
            _try=$((_try - 1))
            continue
        fi
        case "$_code" in
            200) log "called back: accepted ($STATUS)"; rm -f "$_msg"; return 0 ;;
            409) log "called back before: the installer already has this node's call back"; rm -f "$_msg"; return 0 ;;
            000) log "call back to $CALLBACK_URL failed (attempt $_try), retrying" ;;
            *) log "call back rejected with HTTP $_code: see the installer's report"; rm -f "$_msg"; return 1 ;;
        esac
        sleep "${HAINSTALL_CALLBACK_PAUSE:-5}"
    done
    rm -f "$_msg"
    log "gave up calling back after $_try attempts: the installer at $CALLBACK_URL cannot be reached from here"
    return 1
}

# python3 (every cloud-init stub has it) or else curl and openssl; the token stays out of every argv either way.
call_back() {
    if [ -z "${HAINSTALL_NO_PYTHON:-}" ] && command -v python3 >/dev/null 2>&1; then
        CALLBACK_URL=$CALLBACK_URL NODE_NAME=$NODE_NAME PREP_STATUS=$STATUS TOKEN_FILE="$H/callback.token" \
            HAINSTALL_ROOT=$R NODE_PREP_LOG=$LOG HAINSTALL_CALLBACK_TRIES=$CALLBACK_TRIES \
            python3 "$H/callback.py"
        return
    fi
    if command -v curl >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1; then
        call_back_with_curl
        return
    fi
    log "cannot call back: neither python3 nor curl and openssl are on this node; the installer stops waiting"
    return 1
}

# A node hainstall prepared stays the same node: cloud-init, finding no seed on a later boot (the seed is removed
# once the node called back), would fall back to its "None" datasource, take the machine for a new instance and
# regenerate its host keys, hostname and network. Its work is done: it is switched off (cloud-init's own switch).
keep_identity() {
    [ -d "$R/etc/cloud" ] || return 0
    [ -f "$R/etc/cloud/cloud-init.disabled" ] && return 0
    if printf '%s\n' "# hainstall: $NODE_NAME was prepared from its seed; cloud-init must not treat it as new on a later boot" \
        | put_file "$R/etc/cloud/cloud-init.disabled" 0644; then
        log "cloud-init switched off for later boots (/etc/cloud/cloud-init.disabled): this node keeps its identity"
    else
        fail identity "cannot write /etc/cloud/cloud-init.disabled"
    fi
}

step_hostname
step_network
step_hosts
step_dns
step_hostkeys
step_access
step_machine_id
step_local_repo
log "prepared: $STATUS"
call_back || exit 1
[ "$STATUS" = ok ] || exit 1
keep_identity
exit 0
