# hainstall's probe: a node's read-only facts in one remote command (org.hainstall.core.node.Probe writes the
# lines after this preamble). Run as `sh -s -- BOUNDARY`, it prints for each fact
#   BOUNDARY fact NAME
#   the command's standard output, exactly as it printed it
#   (a newline) BOUNDARY end EXIT LAST-LINE-OF-STANDARD-ERROR
# A missing tool is exit 127: a fact like any other, never the end of the probe. Nothing here changes the node.
# shellcheck disable=SC2016  # the facts' sh -c scripts are single-quoted on purpose: their $1 is the inner shell's
boundary=$1
work=$(mktemp -d) || exit 70
trap 'rm -rf "$work"' EXIT

fact() {   # fact NAME COMMAND [ARGUMENT]...
  printf '%s fact %s\n' "$boundary" "$1"
  shift
  # stdin from /dev/null: the probe itself is being read from stdin, and no fact may swallow the rest of it
  "$@" </dev/null 2>"$work/err"
  rc=$?
  last=
  while IFS= read -r line || [ -n "$line" ]; do last=$line; done <"$work/err"
  printf '\n%s end %s %s\n' "$boundary" "$rc" "$last"
}

