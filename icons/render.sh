#!/usr/bin/env bash
# Renders the application icon's PNG sizes from its SVG source (needs rsvg-convert: apt-get install librsvg2-bin).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/src/main/resources/org/hainstall/icons"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$here/src/main/svg/hainstall.svg" -o "$out/hainstall-$size.png"
done
cp "$here/src/main/svg/hainstall.svg" "$out/hainstall.svg"
