#!/usr/bin/env bash
# Proves the .deb on this machine: its contents (no test code, no secrets, no DB2 stand-in), an install with
# apt-get (which pulls the declared dependencies), the command line from the installed package, the wizard's
# window under Xvfb (screenshot + window title), then removal. Needs root. Usage: installer-packaging/test-deb.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
deb="$(ls "$here"/target/hainstall_*.deb | head -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"; apt-get remove -y -q hainstall >/dev/null 2>&1 || true' EXIT
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
t0=$(date +%s)

echo "test-deb: checking the contents of $(basename "$deb")"
dpkg-deb -x "$deb" "$work/x"
listing="$(cd "$work/x" && find . -type f)"
grep -qiE 'db2-standin|db2_install|/lab/' <<<"$listing" && fail "the DB2 stand-in or lab files are in the package"
grep -qiE '\.secrets/|_ed25519$|authkey|\.token$' <<<"$listing" && fail "a secret-looking file is in the package"
for jar in "$work"/x/opt/hainstall/lib/app/*.jar "$work"/x/opt/hainstall/lib/app/lib/hainstall-*.jar; do
  if unzip -l "$jar" | grep -qE 'Test\.class|/test/|junit|testfx|sshd'; then fail "test code in $(basename "$jar")"; fi
done
ls "$work"/x/opt/hainstall/lib/app/lib | grep -qiE 'junit|testfx|monocle|sshd-core|archunit|assertj' \
  && fail "a test library is in the package"

echo "test-deb: apt-get install ./$(basename "$deb")"
apt-get install -y -q "$deb" >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get install"; }
command -v hainstall >/dev/null || fail "hainstall is not on the PATH"
hainstall --version | tee "$work/version" | grep -q '^hainstall ' || fail "hainstall --version"
hainstall validate --config "$root/examples/cluster.yaml" || fail "hainstall validate from the installed package"
[[ -f /usr/share/applications/hainstall.desktop ]] \
  || fail "no desktop entry"
grep -qx 'Exec=/opt/hainstall/bin/hainstall gui' /usr/share/applications/hainstall.desktop \
  || fail "the desktop entry does not start the wizard"
grep -qx 'StartupWMClass=hainstall' /usr/share/applications/hainstall.desktop \
  || fail "the desktop entry names no window class"
grep -qx 'Icon=hainstall' /usr/share/applications/hainstall.desktop || fail "the desktop entry has no icon"
[[ -f /opt/hainstall/lib/app/hainstall.jsa ]] || echo "test-deb: note: postinst made no class-data archive (slower start)"

echo "test-deb: starting the wizard under Xvfb"
export DISPLAY=:77
Xvfb "$DISPLAY" -screen 0 1280x860x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; kill "${gui:-0}" 2>/dev/null || true; rm -rf "$work"; apt-get remove -y -q hainstall >/dev/null 2>&1 || true' EXIT
sleep 1
hainstall gui >"$work/gui.log" 2>&1 &
gui=$!
title=""
for _ in $(seq 1 60); do
  line="$(xwininfo -root -tree 2>/dev/null | grep -E '^ *0x[0-9a-f]+ "hainstall [^"]+"' | head -1 || true)"
  title="$(grep -o '"hainstall[^"]*"' <<<"$line" || true)"
  [[ -n "$title" ]] && break
  kill -0 "$gui" 2>/dev/null || { cat "$work/gui.log"; fail "the wizard exited"; }
  sleep 1
done
[[ -n "$title" ]] || { cat "$work/gui.log"; fail "no hainstall window within 60 s"; }
sleep 8   # let the first frames paint (a busy machine, software rendering)
mkdir -p "$root/installer-packaging/target"
window="$(awk '{print $1}' <<<"$line")"
import -window "$window" "$root/installer-packaging/target/installed-gui.png"
echo "test-deb: window $title; screenshot installer-packaging/target/installed-gui.png"
wm_class="$(xprop -id "$window" WM_CLASS 2>/dev/null || true)"
[[ "$wm_class" == *'"hainstall", "hainstall"'* ]] || fail "the window's WM_CLASS is not hainstall: $wm_class"
kill "$gui"; wait "$gui" 2>/dev/null || true

apt-get remove -y -q hainstall >/dev/null
[[ -e /usr/bin/hainstall ]] && fail "/usr/bin/hainstall still there after removal"
[[ -e /opt/hainstall/lib/app/hainstall.jsa ]] && fail "the class-data archive is still there after removal"
echo "test-deb: passed in $(( $(date +%s) - t0 )) s"
