#!/usr/bin/env bash
# Brings the lab up: a network namespace with a bridge for the nodes' main network (the management
# address on it) and one for the replication network, an NTP server on the management address, a
# private libvirtd inside it (its tap devices land there), a dir storage pool with the stub's disks,
# and the stub itself as a shut-off domain.
# Idempotent: a second run leaves a running lab as it is. Tear down with lab/down.sh.
# Prints nothing on stdout but the libvirt URI (also written to LAB_DIR/libvirt-uri).
# Usage: lab/up.sh      (root; after lab/build-image.sh — nothing is fetched from here on)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lab_require_root

for tool in ip unshare libvirtd virsh qemu-system-x86_64 qemu-img; do
  command -v "$tool" >/dev/null || lab_die "missing $tool (see .ci/run for the host packages)"
done
[[ -c /dev/net/tun ]] || lab_die "no /dev/net/tun: VMs cannot get network devices here"
image="$(readlink -f "$LAB_CACHE/image" || true)"
[[ -f $image/ok ]] || lab_die "no stub image in $LAB_CACHE: run lab/build-image.sh first"
lab_link_dir

# --- the network namespace and its bridges -------------------------------------------------------
if ! lab_ns_exists; then
  ip netns add "$LAB_NS"
  lab_log "namespace $LAB_NS created"
fi
ip -n "$LAB_NS" link set lo up
for br in "$LAB_BR_MAIN" "$LAB_BR_REPL"; do
  ip -n "$LAB_NS" link show "$br" >/dev/null 2>&1 \
    || ip -n "$LAB_NS" link add "$br" type bridge forward_delay 0 stp_state 0
  ip -n "$LAB_NS" link set "$br" up
done
# "brd +": Heartbeat's bcast needs a broadcast address on the subnet.
lab_output_matches "inet $LAB_MGMT_ADDR/" ip -n "$LAB_NS" -4 addr show dev "$LAB_BR_MAIN" \
  || ip -n "$LAB_NS" addr add "$LAB_MGMT_ADDR/$LAB_SUBNET_PREFIX" brd + dev "$LAB_BR_MAIN"

# --- an NTP server for the nodes on the management address -----------------------------------------
# chronyd from the lab's own package repository (the nodes' chrony), serving this machine's clock
# (local stratum) without ever adjusting it (-x); no command sockets.
chronyd_running() {
  [[ -f $LAB_CHRONYD_PID ]] && kill -0 "$(cat "$LAB_CHRONYD_PID")" 2>/dev/null \
    && [[ $(tr '\0' ' ' < "/proc/$(cat "$LAB_CHRONYD_PID")/cmdline") == *chronyd* ]]
}
if ! chronyd_running; then
  chrony_deb="$(find "$LAB_DIR/debs" -maxdepth 1 -name 'chrony_*.deb' 2>/dev/null | head -n1)"
  [[ -n $chrony_deb ]] || lab_die "no chrony package in $LAB_DIR/debs: run lab/packages.sh first"
  rm -rf "$LAB_DIR/chrony"
  mkdir -p "$LAB_DIR/chrony" "$LAB_DIR/log"
  dpkg -x "$chrony_deb" "$LAB_DIR/chrony/pkg"
  cat > "$LAB_DIR/chrony/chrony.conf" <<CONF
# The lab's NTP server (lab/up.sh): the nodes sync to $LAB_MGMT_ADDR.
local stratum 8
allow $LAB_MGMT_ADDR/$LAB_SUBNET_PREFIX
bindaddress $LAB_MGMT_ADDR
port 123
cmdport 0
bindcmdaddress /
pidfile $LAB_CHRONYD_PID
CONF
  rm -f "$LAB_CHRONYD_PID"
  ip netns exec "$LAB_NS" "$LAB_DIR/chrony/pkg/usr/sbin/chronyd" -x -u root -f "$LAB_DIR/chrony/chrony.conf" \
    -l "$LAB_DIR/log/chronyd.log" || lab_die "chronyd did not start (see $LAB_DIR/log/chronyd.log)"
  for _ in $(seq 1 20); do [[ -s $LAB_CHRONYD_PID ]] && break; sleep 0.2; done
  chronyd_running || lab_die "chronyd did not stay up (see $LAB_DIR/log/chronyd.log)"
fi

# --- the private libvirtd ---------------------------------------------------------------------------
# Users its qemu driver insists on, even when it runs qemu as root.
getent group kvm >/dev/null || groupadd -r kvm
getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
getent passwd libvirt-qemu >/dev/null \
  || useradd -r -g kvm -G libvirt-qemu -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu

libvirtd_running() {
  [[ -f $LAB_LIBVIRTD_PID ]] && kill -0 "$(cat "$LAB_LIBVIRTD_PID")" 2>/dev/null \
    && [[ $(tr '\0' ' ' < "/proc/$(cat "$LAB_LIBVIRTD_PID")/cmdline") == *libvirtd* ]]
}

if ! libvirtd_running; then
  rm -f "$LAB_LIBVIRTD_PID"
  mkdir -p "$LAB_RUN" "$LAB_DIR/etc/libvirt" "$LAB_DIR/lib/libvirt" "$LAB_DIR/log/libvirt" \
    "$LAB_DIR/cache/libvirt" "$LAB_DIR/serial"
  chmod 0700 "$LAB_DIR/etc" "$LAB_DIR/lib" "$LAB_RUN"
  cat > "$LAB_DIR/etc/libvirt/libvirtd.conf" <<'CONF'
# The lab's private libvirtd: local socket only (root-only folder), no TCP.
unix_sock_rw_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
CONF
  cat > "$LAB_DIR/etc/libvirt/qemu.conf" <<'CONF'
# Measured on these machines (shared/LAB.md): qemu as root, no cgroups, no security driver.
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
cgroup_controllers = [ ]
security_driver = "none"
stdio_handler = "file"
CONF
  lab_log "starting libvirtd in $LAB_NS"
  # A private mount namespace: libvirtd's folders are the lab's, bind-mounted over the system's.
  # shellcheck disable=SC2016  # the inner script gets its values as arguments
  ip netns exec "$LAB_NS" unshare -m --propagation private /bin/sh -ec '
    d="$1"; run="$2"; pid="$3"
    mkdir -p /run/libvirt
    mount --bind "$run" /run/libvirt
    for pair in etc/libvirt:/etc/libvirt lib/libvirt:/var/lib/libvirt \
        log/libvirt:/var/log/libvirt cache/libvirt:/var/cache/libvirt; do
      mkdir -p "${pair#*:}"
      mount --bind "$d/${pair%%:*}" "${pair#*:}"
    done
    exec libvirtd -d -p "$pid" -f /etc/libvirt/libvirtd.conf
  ' sh "$LAB_DIR" "$LAB_RUN" "$LAB_LIBVIRTD_PID" > "$LAB_DIR/log/libvirtd.stderr" 2>&1 \
    || lab_die "libvirtd did not start (see $LAB_DIR/log/libvirtd.stderr)"
fi
for _ in $(seq 1 60); do
  lab_virsh version >/dev/null 2>&1 && break
  sleep 0.5
done
lab_virsh version >/dev/null 2>&1 || lab_die "libvirtd does not answer on $LAB_SOCKET (see $LAB_DIR/log/libvirt/libvirtd.log)"
echo "$LAB_URI" > "$LAB_URI_FILE"
# The stub below keeps the image it was defined with (kernel, initrd, base): say which one, for clones.
if lab_virsh dominfo "$LAB_STUB" >/dev/null 2>&1 && [[ -f $LAB_IMAGE_FILE ]]; then
  if [[ $(cat "$LAB_IMAGE_FILE") != "$image" ]]; then
    lab_log "note: the running lab's stub uses $(cat "$LAB_IMAGE_FILE"), not the newest image $image (lab/down.sh + lab/up.sh to switch)"
    image="$(cat "$LAB_IMAGE_FILE")"
  fi
fi
echo "$image" > "$LAB_IMAGE_FILE"

# --- libvirt networks on the bridges ----------------------------------------------------------------
define_network() {   # NAME BRIDGE
  if ! lab_virsh net-info "$1" >/dev/null 2>&1; then
    printf "<network><name>%s</name><forward mode='bridge'/><bridge name='%s'/></network>\n" "$1" "$2" \
      > "$LAB_DIR/net-$1.xml"
    lab_virsh net-define "$LAB_DIR/net-$1.xml" >/dev/null
  fi
  lab_output_matches '^Active: +yes' lab_virsh net-info "$1" || lab_virsh net-start "$1" >/dev/null
}
define_network "$LAB_NET_MAIN" "$LAB_BR_MAIN"
define_network "$LAB_NET_REPL" "$LAB_BR_REPL"

# --- the storage pool and the stub's volumes --------------------------------------------------------
pool_dir="$LAB_DIR/pool"
if ! lab_virsh pool-info "$LAB_POOL" >/dev/null 2>&1; then
  mkdir -p "$pool_dir"
  lab_virsh pool-define-as "$LAB_POOL" dir --target "$pool_dir" >/dev/null
fi
lab_output_matches '^State: +running' lab_virsh pool-info "$LAB_POOL" || lab_virsh pool-start "$LAB_POOL" >/dev/null
lab_virsh pool-refresh "$LAB_POOL" >/dev/null
root_vol="$LAB_STUB.qcow2"
data_vol="$LAB_STUB-data.qcow2"
# The root disk: a qcow2 overlay on the cached raw image (its hashed path, so a rebuilt image never
# changes under an existing overlay).
# (qemu-img: libvirt's vol-create-as only takes a backing file that is itself a pool volume.)
if [[ ! -f $pool_dir/$root_vol ]]; then
  qemu-img create -q -f qcow2 -F raw -b "$image/base.img" "$pool_dir/$root_vol"
  lab_virsh pool-refresh "$LAB_POOL" >/dev/null
fi
# The data disk the installer partitions (/dev/vdb), empty.
lab_virsh vol-info --pool "$LAB_POOL" "$data_vol" >/dev/null 2>&1 \
  || lab_virsh vol-create-as "$LAB_POOL" "$data_vol" "$LAB_DATA_DISK_SIZE" --format qcow2 >/dev/null

# --- the stub: a shut-off domain --------------------------------------------------------------------
# Its main NIC is a plain bridge interface, its replication NIC an interface on a libvirt network: stubs come
# both ways, and hainstall puts each clone's NICs on the networks its config names either way.
# cache='unsafe': the guests' fsyncs cost nothing (dpkg syncs a lot under TCG); the VMs are throwaway, and
# the tests kill services inside them, never the qemu process under a live filesystem.
if ! lab_virsh dominfo "$LAB_STUB" >/dev/null 2>&1; then
  cat > "$LAB_DIR/$LAB_STUB.xml" <<XML
<domain type='qemu'>
  <name>$LAB_STUB</name>
  <memory unit='MiB'>$LAB_VM_MEMORY_MIB</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$image/vmlinuz</kernel>
    <initrd>$image/initrd.img</initrd>
    <cmdline>root=/dev/vda rw console=ttyS0 net.ifnames=0</cmdline>
  </os>
  <features>
    <acpi/>
    <tcg><tb-cache unit='MiB'>128</tb-cache></tcg>
  </features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>$(command -v qemu-system-x86_64)</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='unsafe' discard='unmap'/>
      <source file='$pool_dir/$root_vol'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='unsafe' discard='unmap'/>
      <source file='$pool_dir/$data_vol'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <interface type='bridge'>
      <source bridge='$LAB_BR_MAIN'/>
      <model type='virtio'/>
    </interface>
    <interface type='network'>
      <source network='$LAB_NET_REPL'/>
      <model type='virtio'/>
    </interface>
    <serial type='file'>
      <source path='$LAB_DIR/serial/$LAB_STUB.log'/>
      <target port='0'/>
    </serial>
    <controller type='usb' model='none'/>
    <memballoon model='none'/>
    <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>
  </devices>
</domain>
XML
  lab_virsh define "$LAB_DIR/$LAB_STUB.xml" >/dev/null
  lab_log "stub $LAB_STUB defined (shut off)"
fi
lab_log "lab up: namespace $LAB_NS, $LAB_BR_MAIN $LAB_MGMT_ADDR/$LAB_SUBNET_PREFIX, $LAB_BR_REPL; URI in $LAB_URI_FILE"
echo "$LAB_URI"
