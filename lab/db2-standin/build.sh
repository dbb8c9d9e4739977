#!/bin/sh
# hainstall DB2 stand-in — NOT IBM DB2, test use only.
#
# Builds the stand-in's install image: a .tar.gz that unpacks to server_dec/ with an executable
# db2_install, shaped like the real DB2 image so hainstall's "install DB2 where it is missing" step runs.
# Lab and tests only: never packaged with the product.
#
# Usage: lab/db2-standin/build.sh OUT.tar.gz
set -eu

if [ $# != 1 ]; then
    echo "usage: $0 OUT.tar.gz" >&2
    exit 2
fi
out=$1
here=$(cd "$(dirname "$0")" && pwd)
src=$here/src
stage=$(mktemp -d "${TMPDIR:-/tmp}/db2-standin-image.XXXXXX")
trap 'rm -rf "$stage"' EXIT

img=$stage/server_dec
mkdir -p "$img/db2/standin/lib" "$img/db2/standin/adm"
cp "$src/db2_install" "$img/db2_install"
cp "$src/lib/db2standin" "$img/db2/standin/lib/db2standin"
cp "$src/adm/db2sysc" "$img/db2/standin/adm/db2sysc"
cp "$here/README.md" "$img/README-STANDIN.md"
chmod 755 "$img/db2_install" "$img/db2/standin/lib/db2standin" "$img/db2/standin/adm/db2sysc"
chmod 644 "$img/README-STANDIN.md"

case "$out" in /*) ;; *) out=$(pwd)/$out ;; esac
# Fixed owner and times so two builds of the same sources give the same tarball.
tar --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00:00' --sort=name \
    -C "$stage" -cf - server_dec | gzip -n >"$out.tmp"
mv -f "$out.tmp" "$out"
echo "hainstall DB2 stand-in image (NOT IBM DB2, test use only): $out"
