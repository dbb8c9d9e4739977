#!/usr/bin/env bash
# Writes a PNG of each wizard page, captured from a real window under Xvfb, to docs/screenshots/.
# The pages come from ui's Screenshots (the run page plays the scripted stand-in: a real run needs real nodes);
# then app's WiredScreenshots retakes the start and review pages with the app's own wiring (core's real dry run).
# Needs: apt-get install -y xvfb libgtk-3-0   Usage: ui/take-screenshots.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# One reactor build, so core comes from core/target/classes and never from a stale jar in ~/.m2.
mvn -B -q -o -pl ui,app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test.classpath
shoot() { # module main-class
  (cd "$root/$1" && timeout 300 xvfb-run -a -s "-screen 0 1280x900x24" java -Dprism.order=sw -Dglass.platform=gtk \
    -cp "target/test-classes:target/classes:$(cat target/test.classpath)" "$2" "$root/docs/screenshots")
}
shoot ui org.hainstall.ui.Screenshots
shoot app org.hainstall.app.WiredScreenshots
