package org.hainstall.core.reconstruct;

/** Where the backup step keeps its schedule and its config on a node (written by the node step, read here). */
public final class BackupFiles {
    public static final String CRON = "/etc/cron.d/hainstall-db2-backup";
    public static final String CONFIG = "/etc/hainstall/backup.conf";

    private BackupFiles() {
    }
}
