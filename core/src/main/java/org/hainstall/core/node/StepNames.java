package org.hainstall.core.node;

/** The steps' names, used in {@code dependsOn} and in the journal. */
public final class StepNames {
    public static final String PACKAGES = "packages";
    public static final String NTP = "ntp";
    public static final String STORAGE_PREFLIGHT = "storage-preflight";
    public static final String DISKS = "disks";
    public static final String LVM = "lvm";
    public static final String FILESYSTEMS = "filesystems";
    public static final String DRBD_CONFIG = "drbd-config";
    public static final String DRBD_METADATA = "drbd-metadata";
    public static final String DRBD_UP = "drbd-up";
    public static final String DRBD_INITIAL_PRIMARY = "drbd-initial-primary";
    public static final String DRBD_FILESYSTEMS = "filesystems-on-drbd";
    public static final String HEARTBEAT_CONFIG = "heartbeat-config";
    public static final String DB2_INSTALL = "db2-install";
    public static final String DB2_USERS = "db2-users";
    public static final String DB2_INSTANCE = "db2-instance";
    public static final String DB2_MOVE = "db2-move";
    public static final String DATABASES = "databases";
    public static final String BACKUP = "backup";
    public static final String HEARTBEAT_START = "heartbeat-start";
    public static final String WAIT_SYNC = "wait-sync";

    private StepNames() {
    }
}
