# The disks that hold LVM physical volumes, each with its partition table (what reconstruct's storage.disks needs).
seen=' '
for pv in $(pvs --noheadings -o pv_name 2>/dev/null </dev/null); do
  parent=$(lsblk -ndo PKNAME "$pv" 2>/dev/null </dev/null)
  [ -n "$parent" ] || continue
  case $seen in *" /dev/$parent "*) continue ;; esac
  seen="$seen/dev/$parent "
  fact "sfdisk:/dev/$parent" sfdisk --json "/dev/$parent"
done
