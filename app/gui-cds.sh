# Sourced by ./hainstall and ./bench: JVM options that give `hainstall gui`, run from app/target/hainstall.jar, a
# class-data archive of its own classes (AppCDS), as the installed package has one (installer-packaging/build.sh).
# The first start after a build writes the archive as it exits; later starts load the classes from it (about a
# third less CPU before the first window). A stale or missing archive is ignored silently: only slower.
hainstall_gui_cds_options() { # JAR → one option per line
  local jar="$1" jsa="${1%.jar}-gui.jsa" lib
  lib="$(dirname "$jar")/lib"
  if [[ -f "$jsa" && "$jsa" -nt "$jar" && -z "$(find "$lib" -newer "$jsa" -print -quit 2>/dev/null)" ]]; then
    echo "-XX:SharedArchiveFile=$jsa"
  else
    rm -f "$jsa"
    echo "-XX:ArchiveClassesAtExit=$jsa"
  fi
  echo "-Xlog:cds=off"
  echo "-Xlog:cds+dynamic=off"
}
