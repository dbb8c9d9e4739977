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
# Only the application jar and its runtime dependencies: no test classes, no lab, no stand-in DB2.
cp "$root/app/target/hainstall.jar" "$target/input/"
cp -r "$root/app/target/lib" "$target/input/lib"

# The modules the app uses (checked with jdeps); jdk.unsupported for JavaFX, jdk.crypto.ec for SSH keys.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,\
java.sql,java.xml,java.security.jgss,jdk.crypto.ec,jdk.httpserver,jdk.unsupported,jdk.unsupported.desktop,\
jdk.jsobject,jdk.zipfs,jdk.charsets,jdk.localedata

common=(--name hainstall --app-version "$version" --vendor "hainstall"
  --description "Installs, changes and clones two-node DRBD + Heartbeat DB2 clusters"
  --input "$target/input" --main-jar hainstall.jar --main-class org.hainstall.app.Launcher
  --add-modules "$modules" --icon "$root/icons/src/main/resources/org/hainstall/icons/hainstall-256.png"
  --java-options "-Dhainstall.packaged=true")

jpackage --type app-image "${common[@]}" --dest "$target"

# The .deb: a desktop entry, "hainstall" on the PATH (postinst/prerm below), and the Debian packages JavaFX
# (GTK 3, GL, X) and libvirt-java (libvirt0) load at run time — jpackage cannot see those through jar files.
jpackage --type deb "${common[@]}" --dest "$target" \
  --resource-dir "$here/resources" \
  --linux-package-name hainstall --linux-menu-group "System" --linux-app-category admin \
  --linux-shortcut --linux-deb-maintainer "hainstall developers <hainstall@localhost>" \
  --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1, libasound2, libvirt0, xorriso"

ls -l "$target"/*.deb
