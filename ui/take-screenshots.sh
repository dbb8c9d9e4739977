#!/usr/bin/env bash
# Writes PNGs of the wizard, captured from a real window under Xvfb, to docs/screenshots/ (or OUT).
# app's WiredScreenshots takes the pages with the app's own wiring (core's validator, core's real create dry run on
# the review page and in the start confirmation); ui's Screenshots adds what needs the scripted engine stand-in here
# (the reconstruct dialog, a run with a prompt: a real run needs real nodes, and the lab's wizard phase retakes it).
# Needs: apt-get install -y xvfb libgtk-3-0
# Usage: ui/take-screenshots.sh [OUT [WIDTH HEIGHT]]     e.g. ui/take-screenshots.sh /tmp/shots 1024 700
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$(realpath -m "${1:-$root/docs/screenshots}")"
width="${2:-1100}"
height="${3:-760}"
(cd "$root" && mvn -B -q -o -pl ui,app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test.classpath)
shoot() { # module main-class
  RUN_FX_NO_BUILD=1 RUN_FX_TIMEOUT=300 "$root/ui/run-fx-main.sh" "$1" "$2" "$width" "$height" "$out"
}
shoot app org.hainstall.app.WiredScreenshots
shoot ui org.hainstall.ui.Screenshots
