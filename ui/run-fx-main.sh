#!/usr/bin/env bash
# Runs a JavaFX program from a module's test classes in a real window under Xvfb: the screenshot programs
# (ui/take-screenshots.sh) and the lab's wizard phase (app's LabWizardRun, lab/e2e-cluster.sh).
# Usage: ui/run-fx-main.sh MODULE MAIN-CLASS WIDTH HEIGHT [ARGS...]   (the program gets ARGS, then WIDTH HEIGHT)
# Builds nothing when RUN_FX_NO_BUILD=1 (the caller built the test classes and MODULE/target/test.classpath).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$1" main="$2" width="$3" height="$4"
shift 4
if [[ "${RUN_FX_NO_BUILD:-0}" != 1 ]]; then
  # One reactor build, so core comes from core/target/classes and never from a stale jar in ~/.m2.
  (cd "$root" && mvn -B -q -o -pl "$module" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test.classpath)
fi
cp="$root/$module/target/test-classes:$root/$module/target/classes"
for m in ui core icons; do cp="$cp:$root/$m/target/test-classes:$root/$m/target/classes"; done
cp="$cp:$(cat "$root/$module/target/test.classpath")"
cd "$root/$module"
exec timeout "${RUN_FX_TIMEOUT:-900}" xvfb-run -a -s "-screen 0 $((width + 100))x$((height + 100))x24" java \
  -Dprism.order=sw -Dglass.platform=gtk -cp "$cp" "$main" "$@" "$width" "$height"
