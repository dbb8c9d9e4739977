#!/usr/bin/env bash
# Builds hainstall's installers with jpackage: an app image and a .deb (bundled Java runtime; JavaFX rides on
# the class path inside the app). Output: installer-packaging/target/{hainstall/,hainstall_*.deb}
# Usage: installer-packaging/build.sh [--skip-build]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
target="$here/target"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)-SNAPSHOT</version>.*:\1:p' "$root/pom.xml" | head -1)"

if [[ "${1:-}" != --skip-build ]]; then
  mvn -B -q -f "$root/pom.xml" -pl app -am package -DskipTests
fi

rm -rf "$target" && mkdir -p "$target/input"
# Only the application jar and its runtime dependencies: no test classes, no lab, no stand-in DB2; and the README,
# which Help → About opens.
cp "$root/app/target/hainstall.jar" "$target/input/"
cp -r "$root/app/target/lib" "$target/input/lib"
cp "$root/README.md" "$target/input/"

# The classes the wizard loads up to its first window, for a class-data archive (AppCDS) that the package makes
# where it is installed (postinst) and the app image here: the wizard's first window comes about a third sooner.
# Needs a display: under xvfb-run when there is one; without it the package works the same, only starts slower.
if command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1280x900x24" java -XX:DumpLoadedClassList="$target/input/hainstall.classlist" \
    -Dhainstall.startupReport="$target/classlist-startup.properties" -jar "$target/input/hainstall.jar" gui \
    >"$target/classlist.log" 2>&1 || { echo "build.sh: the class list run failed (see $target/classlist.log)" >&2; }
else
  echo "build.sh: no xvfb-run, so no class list: the installed wizard starts without its class-data archive" >&2
fi

# The modules the app uses (checked with jdeps); jdk.unsupported for JavaFX, jdk.crypto.ec for SSH keys.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,\
java.sql,java.xml,java.security.jgss,jdk.crypto.ec,jdk.httpserver,jdk.unsupported,jdk.unsupported.desktop,\
jdk.jsobject,jdk.zipfs,jdk.charsets,jdk.localedata

common=(--name hainstall --app-version "$version" --vendor "hainstall"
  --description "Installs, changes and clones two-node DRBD + Heartbeat DB2 clusters"
  --input "$target/input" --main-jar hainstall.jar --main-class org.hainstall.app.Launcher
  --add-modules "$modules" --icon "$root/icons/src/main/resources/org/hainstall/icons/hainstall-256.png"
  # jlink's defaults but the runtime's own java command, which makes the class-data archive.
  --jlink-options "--strip-debug --no-man-pages --no-header-files"
  --java-options "-Dhainstall.packaged=true"
  # The archive where postinst (or this script, for the app image) makes it; used when it is there and matches.
  --java-options "-XX:SharedArchiveFile=\$APPDIR/hainstall.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off")

jpackage --type app-image "${common[@]}" --dest "$target"
image_app="$target/hainstall/lib/app"
if [[ -f "$image_app/hainstall.classlist" ]]; then
  # The launcher's class path, entry for entry, as postinst does it for the .deb.
  cp="$(sed -n "s|^app\.classpath=\\\$APPDIR|$image_app|p" "$image_app/hainstall.cfg" | paste -sd: -)"
  "$target/hainstall/lib/runtime/bin/java" -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off \
    -XX:SharedClassListFile="$image_app/hainstall.classlist" -XX:SharedArchiveFile="$image_app/hainstall.jsa" \
    -cp "$cp" >"$target/cds-dump.log" 2>&1 || echo "build.sh: no class-data archive for the app image" >&2
fi

# The .deb: a desktop entry (resources/hainstall.desktop: "hainstall gui", the icon, StartupWMClass=hainstall),
# "hainstall" on the PATH and the class-data archive (postinst/prerm), and the Debian packages JavaFX
# (GTK 3, GL, X) and libvirt-java (libvirt0) load at run time — jpackage cannot see those through jar files.
jpackage --type deb "${common[@]}" --dest "$target" \
  --resource-dir "$here/resources" \
  --linux-package-name hainstall --linux-menu-group "System" --linux-app-category admin \
  --linux-shortcut --linux-deb-maintainer "hainstall developers <hainstall@localhost>" \
  --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1, libasound2, libvirt0, xorriso"

ls -l "$target"/*.deb
