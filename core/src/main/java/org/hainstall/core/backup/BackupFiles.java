package org.hainstall.core.backup;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;

/** Renders the backup tool: its config (every database), the script, and the cron schedule. */
public final class BackupFiles {
    public static final String CONFIG = "/etc/hainstall/db2-backup.conf";
    public static final String SCRIPT = "/usr/local/sbin/hainstall-db2-backup";
    public static final String CRON = "/etc/cron.d/hainstall-db2-backup";

    private BackupFiles() {
    }

    /** One "database INSTANCE OWNER DB" line per database: backup.databases, or every configured one. */
    public static String config(ClusterConfig config) {
        ClusterConfig.Backup b = config.backup();
        List<String> wanted = b.databases().isEmpty() ? null
                : b.databases().stream().map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList();
        StringBuilder s = new StringBuilder();
        s.append("# Written by hainstall; read by ").append(SCRIPT).append(". Changes here are overwritten.\n");
        s.append("target ").append(b.target()).append('\n');
        s.append("retention-days ").append(b.retentionDays()).append('\n');
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            for (ClusterConfig.Database d : i.databases()) {
                if (wanted == null || wanted.contains(d.name().toUpperCase(java.util.Locale.ROOT))) {
                    s.append("database ").append(i.name()).append(' ').append(i.owner()).append(' ')
                            .append(d.name()).append('\n');
                }
            }
        }
        return s.toString();
    }

    /**
     * The script runs on both nodes from cron; it backs up only where the instance is active now (its home on the
     * DRBD filesystem is mounted and the engine runs), so a failover needs no change. Values from the config file
     * reach commands only as quoted variables or positional arguments, never as shell text.
     */
    public static String script() {
        return """
                #!/bin/sh
                # Written by hainstall: backs up every database listed in /etc/hainstall/db2-backup.conf on the node
                # where its instance is active now, and deletes backups older than the retention.
                set -u
                conf=/etc/hainstall/db2-backup.conf
                target=$(awk '$1 == "target" { print $2 }' "$conf")
                days=$(awk '$1 == "retention-days" { print $2 }' "$conf")
                status=0
                while read -r kind instance owner db; do
                  [ "$kind" = database ] || continue
                  home=$(getent passwd "$owner" | cut -d: -f6)
                  [ -n "$home" ] && [ -r "$home/sqllib/db2profile" ] || continue
                  pgrep -x -u "$owner" db2sysc >/dev/null 2>&1 || continue
                  dir="$target/$instance/$db"
                  if ! mkdir -p "$dir" || ! chown "$owner" "$dir"; then
                    echo "hainstall-db2-backup: cannot prepare $dir" >&2; status=1; continue
                  fi
                  if su - "$owner" -c '. "$HOME/sqllib/db2profile" && db2 backup database "$1" to "$2"' sh "$db" "$dir"; then
                    find "$dir" -type f -mtime +"$days" -delete
                  else
                    echo "hainstall-db2-backup: backup of $db ($instance) failed" >&2; status=1
                  fi
                done < "$conf"
                exit $status
                """;
    }

    public static String cron(ClusterConfig config) {
        return "# Written by hainstall: DB2 backups (the script acts only on the active node).\n"
                + "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                + config.backup().schedule() + " root " + SCRIPT + "\n";
    }
}
