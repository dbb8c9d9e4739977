#!/usr/bin/env bash
# Builds the lab's Debian 12 VM stub image from Debian packages, or re-uses the cached one whose inputs
# hash the same. No mounting: debootstrap into a folder, mke2fs -d into a raw image.
#
# Output (LAB_CACHE/image -> image-HASH/): base.img (raw ext4 root), vmlinuz, initrd.img,
# kernel-version, dpkg-status (the image's package state, for packages.sh), packages.txt.
# Usage: lab/build-image.sh          (root; needs the network: run it before entering the namespace)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lab_require_root

# A stock cloud image, minimal: cloud-init (NoCloud) boots it, as it boots Debian's and Ubuntu's cloud images.
# Deliberately without D-Bus, curl, openssl, cron or sudo: whatever the cluster needs beyond this, the product
# carries (its package step installs it from the seed's repository, lab/packages.sh). Nothing hainstall-specific
# is baked in. Not iputils-ping: heartbeat pulls inetutils-ping and the two conflict.
STUB_PACKAGES=(
  systemd-sysv udev kmod openssh-server iproute2 ifupdown cloud-init util-linux procps netbase
  python3-cffi-backend   # cloud-init needs it through a virtual package, which debootstrap does not resolve
)

for tool in debootstrap mke2fs busybox cpio gzip apt-get apt-cache dpkg; do
  command -v "$tool" >/dev/null || lab_die "missing $tool (see .ci/run for the host packages)"
done
[[ $(busybox 2>&1 | head -n1) == *"BusyBox"* ]] || lab_die "busybox is not busybox-static"
file_is_static() { ! ldd "$1" >/dev/null 2>&1; }
file_is_static "$(command -v busybox)" || lab_die "busybox must be the static build (busybox-static)"

mirror="$(lab_mirror)"
kernel_pkg="$(apt-cache depends linux-image-cloud-amd64 2>/dev/null \
  | awk '$1 == "Depends:" && $2 ~ /^linux-image-/ {print $2; exit}')"
[[ -n $kernel_pkg ]] || lab_die "no linux-image-cloud-amd64 in the apt lists (run apt-get update first)"
kernel_deb_ver="$(apt-cache policy "$kernel_pkg" | awk '$1 == "Candidate:" {print $2}')"

# The cache key: this script, the files it puts in the image, and the settings it reads from lib.sh.
hash="$(lab_hash "$LAB_SRC/build-image.sh" "$LAB_SRC"/image/* "$mirror" "$LAB_SUITE" "$LAB_STUB" \
  "$kernel_pkg=$kernel_deb_ver" "${STUB_PACKAGES[*]}" "$LAB_ROOT_SIZE")"
out="$LAB_CACHE/image-$hash"

mkdir -p "$LAB_CACHE"
exec 9>"$LAB_CACHE/.image.lock"
flock 9
if [[ -f $out/ok ]]; then
  ln -sfn "image-$hash" "$LAB_CACHE/image"
  lab_log "image up to date: $out (cached)"
  lab_prune_cache image "$out"
  exit 0
fi

lab_log "building image $hash (mirror $mirror, kernel $kernel_pkg $kernel_deb_ver)"
tmp="$LAB_CACHE/building-image-$hash"
rm -rf "$tmp"
mkdir -p "$tmp" "$LAB_CACHE/debootstrap" "$LAB_CACHE/kernel"
rootfs="$tmp/rootfs"

# 1. The root filesystem.
include="$(IFS=,; echo "${STUB_PACKAGES[*]}")"
if ! debootstrap --variant=minbase --include="$include" --cache-dir="$LAB_CACHE/debootstrap" \
    "$LAB_SUITE" "$rootfs" "$mirror" >"$tmp/debootstrap.log" 2>&1; then
  tail -n 30 "$tmp/debootstrap.log" >&2
  lab_die "debootstrap failed (log: $tmp/debootstrap.log)"
fi

# 2. The kernel: a Debian cloud kernel package, unpacked; its modules go into the rootfs.
kdeb="$(find "$LAB_CACHE/kernel" -maxdepth 1 -name "${kernel_pkg}_${kernel_deb_ver//:/%3a}_amd64.deb" | head -n1)"
if [[ -z $kdeb ]]; then
  (cd "$LAB_CACHE/kernel" && apt-get download -q "$kernel_pkg=$kernel_deb_ver" 2>&1 | grep -v 'unsandboxed' >&2) \
    || lab_die "cannot download $kernel_pkg"
  kdeb="$(find "$LAB_CACHE/kernel" -maxdepth 1 -name "${kernel_pkg}_*_amd64.deb" | head -n1)"
fi
dpkg -x "$kdeb" "$tmp/kernel"
kver="$(ls "$tmp/kernel/lib/modules")"
cp "$tmp/kernel/boot/vmlinuz-$kver" "$tmp/vmlinuz"
mkdir -p "$rootfs/usr/lib/modules"
cp -a "$tmp/kernel/lib/modules/$kver" "$rootfs/usr/lib/modules/"
cp "$tmp/kernel/boot/config-$kver" "$tmp/kernel/boot/System.map-$kver" "$rootfs/boot/"
chroot "$rootfs" depmod "$kver"

# 3. The initrd: static busybox, the virtio block and the CD-ROM modules (in dependency order, image/init).
INITRD_MODULES="virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_blk \
  scsi_common scsi_mod libata ata_piix ata_generic cdrom sr_mod"
initrd="$tmp/initrd"
mkdir -p "$initrd/bin" "$initrd/modules"
cp "$(command -v busybox)" "$initrd/bin/busybox"
install -m 0755 "$LAB_SRC/image/init" "$initrd/init"
# The CD-ROM drivers too: cloud-init looks for the seed (label cidata) as soon as systemd starts, as a stock
# image's initramfs lets it (its udev has loaded them by then).
for m in $INITRD_MODULES; do
  ko="$(find "$rootfs/usr/lib/modules/$kver" -name "$m.ko*" | head -n1)"
  [[ -n $ko ]] || continue
  [[ $ko == *.ko ]] || lab_die "compressed module $ko: the initrd's insmod wants plain .ko files"
  cp "$ko" "$initrd/modules/"
  echo "$m" >> "$initrd/modules/order"
done
(cd "$initrd" && find . | cpio -o -H newc --quiet | gzip -1) > "$tmp/initrd.img"

# 4. The stub's configuration.
echo "$LAB_STUB" > "$rootfs/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$LAB_STUB" \
  > "$rootfs/etc/hosts"
rm -f "$rootfs/etc/resolv.conf"   # debootstrap copied the build machine's; node-prep writes the node's
echo '# written by node-prep from the seed' > "$rootfs/etc/resolv.conf"
printf '/dev/vda\t/\text4\tdefaults,errors=remount-ro\t0\t1\n' > "$rootfs/etc/fstab"
cat > "$rootfs/etc/network/interfaces" <<'IFACES'
# The stub only knows loopback; node-prep configures the node's interfaces from the seed.
auto lo
iface lo inet loopback

source /etc/network/interfaces.d/*
IFACES
cat > "$rootfs/etc/apt/sources.list" <<SOURCES
# The lab's nodes reach no mirror: packages come from the seed ISO (hainstall/debs).
# deb $mirror $LAB_SUITE main
SOURCES
rm -f "$rootfs"/etc/ssh/ssh_host_*          # cloud-init makes them on first boot; node-prep installs the pinned one
: > "$rootfs/etc/machine-id"                 # each clone makes its own on first boot
chroot "$rootfs" passwd -l root >/dev/null
# A stock image has its locale generated (cloud-init's locale module sets en_US.UTF-8 and fails without it).
echo 'en_US.UTF-8 UTF-8' > "$rootfs/etc/locale.gen"
chroot "$rootfs" locale-gen >/dev/null
echo 'LANG=en_US.UTF-8' > "$rootfs/etc/default/locale"
# The usual way to prepare a stub for NoCloud: look for a seed, else boot with no data (the "None" fallback).
cat > "$rootfs/etc/cloud/cloud.cfg.d/90_dpkg.cfg" <<'CLOUDCFG'
# to update this file, run dpkg-reconfigure cloud-init
datasource_list: [ NoCloud, None ]
CLOUDCFG
mkdir -p "$rootfs/etc/systemd/system/getty.target.wants"
ln -sfn /lib/systemd/system/serial-getty@.service \
  "$rootfs/etc/systemd/system/getty.target.wants/serial-getty@ttyS0.service"
# Background work that only costs CPU under TCG.
for unit in apt-daily.timer apt-daily-upgrade.timer apt-daily.service apt-daily-upgrade.service \
    e2scrub_all.timer e2scrub_all.service e2scrub_reap.service fstrim.timer fstrim.service \
    man-db.timer systemd-tmpfiles-clean.timer; do
  ln -sfn /dev/null "$rootfs/etc/systemd/system/$unit"
done
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
cp "$rootfs/var/lib/dpkg/status" "$tmp/dpkg-status"
# shellcheck disable=SC2016  # dpkg-query fields, not shell
chroot "$rootfs" dpkg-query -W -f '${Package} ${Version}\n' > "$tmp/packages.txt"
echo "$kver" > "$tmp/kernel-version"

# 5. The raw root image, filled from the folder (no mount, no loop device).
truncate -s "$LAB_ROOT_SIZE" "$tmp/base.img"
mke2fs -q -t ext4 -L stub-root -d "$rootfs" "$tmp/base.img"
rm -rf "$rootfs" "$initrd" "$tmp/kernel"
touch "$tmp/ok"

rm -rf "$out"
mv "$tmp" "$out"
ln -sfn "image-$hash" "$LAB_CACHE/image"
lab_log "image built: $out ($(du -sh --apparent-size "$out/base.img" | cut -f1) raw, $(du -sh "$out/base.img" | cut -f1) used)"
lab_prune_cache image "$out"
