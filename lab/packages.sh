#!/usr/bin/env bash
# Builds the lab's local Debian package repository: the packages the installer installs on a node
# (drbd-utils, heartbeat, lvm2, chrony, parted, fdisk, ksh, cron) with every dependency the stub image lacks, as a
# folder of .deb files with a Packages index. It is what packages.localRepository in lab/cluster.yaml
# names (LAB_LINK/debs = LAB_DIR/debs); the seed carries it to the nodes as hainstall/debs.
#
# The dependency closure is computed by the machine's apt against the image's own dpkg status, so it
# holds exactly what a node built from the image is missing. Cached under LAB_CACHE/debs-HASH, keyed on
# the exact package files (name, version, checksum) apt would fetch.
# Usage: lab/packages.sh    (root; after lab/build-image.sh; needs the network: run it before the namespace)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lab_require_root

# What the installer's package step installs (AptPackageManager.clusterPackages). Not iputils-ping (conflicts with
# heartbeat's inetutils-ping). LAB_EXTRA_PACKAGES adds more (space separated), e.g. for the DB2 stand-in.
REPO_PACKAGES=(drbd-utils heartbeat lvm2 chrony parted fdisk ksh cron)
read -r -a extra <<< "${LAB_EXTRA_PACKAGES:-}"
REPO_PACKAGES+=("${extra[@]}")

command -v apt-ftparchive >/dev/null || lab_die "missing apt-ftparchive (package apt-utils; see .ci/run)"
image="$LAB_CACHE/image"
[[ -f $image/ok && -f $image/dpkg-status ]] || lab_die "no image in $LAB_CACHE: run lab/build-image.sh first"

mkdir -p "$LAB_CACHE"
exec 9>"$LAB_CACHE/.debs.lock"
flock 9

work="$(mktemp -d "$LAB_CACHE/building-debs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cache" "$work/archives/partial"
cp "$image/dpkg-status" "$work/status"
apt_opts=(-q -y --no-install-recommends
  -o "Dir::State::status=$work/status" -o "Dir::Cache=$work/cache"
  -o "Dir::Cache::archives=$work/archives" -o Debug::NoLocking=1)

# The exact files apt would fetch: the cache key.
apt-get "${apt_opts[@]}" --print-uris install "${REPO_PACKAGES[@]}" > "$work/uris" \
  || lab_die "apt cannot resolve ${REPO_PACKAGES[*]} against the image (apt-get update?)"
grep "^'" "$work/uris" | awk '{print $2, $3, $4}' | sort > "$work/files"
[[ -s $work/files ]] || lab_die "apt resolved no package files"
hash="$(lab_hash "$LAB_SRC/packages.sh" "$work/files" "${REPO_PACKAGES[*]}")"
out="$LAB_CACHE/debs-$hash"

if [[ -f $out/ok ]]; then
  lab_log "package repository up to date: $out (cached, $(wc -l < "$work/files") packages)"
else
  lab_log "fetching $(wc -l < "$work/files") packages: ${REPO_PACKAGES[*]} and their dependencies"
  apt-get "${apt_opts[@]}" --download-only install "${REPO_PACKAGES[@]}" > "$work/download.log" 2>&1 \
    || { tail -n 20 "$work/download.log" >&2; lab_die "download failed"; }
  if ls "$work/archives"/iputils-ping_* >/dev/null 2>&1; then
    lab_die "iputils-ping in the repository: it conflicts with heartbeat's inetutils-ping"
  fi
  rm -rf "$out.tmp"
  mkdir -p "$out.tmp"
  mv "$work/archives"/*.deb "$out.tmp/"
  (cd "$out.tmp" && apt-ftparchive packages . > Packages 2>/dev/null)
  cp "$work/files" "$out.tmp/files.txt"
  touch "$out.tmp/ok"
  rm -rf "$out"
  mv "$out.tmp" "$out"
  lab_log "package repository built: $out ($(du -sh "$out" | cut -f1))"
fi
ln -sfn "debs-$hash" "$LAB_CACHE/debs"
lab_prune_cache debs "$out"

# The config's localRepository: a real folder (hard links into the cache where possible).
mkdir -p "$LAB_DIR"
rm -rf "$LAB_DIR/debs.tmp"
cp -al "$out" "$LAB_DIR/debs.tmp" 2>/dev/null || cp -a "$out" "$LAB_DIR/debs.tmp"
rm -f "$LAB_DIR/debs.tmp/ok" "$LAB_DIR/debs.tmp/files.txt"
rm -rf "$LAB_DIR/debs"
mv "$LAB_DIR/debs.tmp" "$LAB_DIR/debs"
lab_link_dir
lab_log "localRepository: $LAB_LINK/debs -> $LAB_DIR/debs ($(find "$LAB_DIR/debs" -name '*.deb' | wc -l) .deb files)"
