package org.hainstall.core.config;

/**
 * Every stable problem code in one place. Tests, {@code --json} output and (later) {@code --force CODE} use them,
 * so a code never changes its meaning once released. docs/PROBLEM_CODES.md lists them for administrators;
 * a test keeps that list complete.
 */
public final class ProblemCode {
    private ProblemCode() {
    }

    // Reading the file (ConfigLoader, ConfigOverrides): these make the file unusable, so they come as ConfigException.
    public static final String CONFIG_UNREADABLE = "CONFIG_UNREADABLE";
    public static final String CONFIG_TOO_LARGE = "CONFIG_TOO_LARGE";
    public static final String CONFIG_SYNTAX = "CONFIG_SYNTAX";
    public static final String CONFIG_EMPTY = "CONFIG_EMPTY";
    public static final String CONFIG_UNKNOWN_KEY = "CONFIG_UNKNOWN_KEY";
    public static final String CONFIG_DUPLICATE_KEY = "CONFIG_DUPLICATE_KEY";
    public static final String CONFIG_WRONG_TYPE = "CONFIG_WRONG_TYPE";
    public static final String CONFIG_OVERRIDE_SYNTAX = "CONFIG_OVERRIDE_SYNTAX";
    public static final String CONFIG_OVERRIDE_PATH = "CONFIG_OVERRIDE_PATH";

    // Anything required and missing.
    public static final String VALUE_REQUIRED = "VALUE_REQUIRED";

    // Names that reach commands on the nodes: allow-lists.
    public static final String CLUSTER_NAME_INVALID = "CLUSTER_NAME_INVALID";
    public static final String HOSTNAME_INVALID = "HOSTNAME_INVALID";
    public static final String USER_NAME_INVALID = "USER_NAME_INVALID";
    public static final String LVM_NAME_INVALID = "LVM_NAME_INVALID";
    public static final String DRBD_NAME_INVALID = "DRBD_NAME_INVALID";
    public static final String DB2_INSTANCE_NAME_INVALID = "DB2_INSTANCE_NAME_INVALID";
    public static final String DB2_DATABASE_NAME_INVALID = "DB2_DATABASE_NAME_INVALID";
    public static final String DB2_DATABASE_OPTION_INVALID = "DB2_DATABASE_OPTION_INVALID";
    public static final String LIBVIRT_NAME_INVALID = "LIBVIRT_NAME_INVALID";
    public static final String LIBVIRT_URI_INVALID = "LIBVIRT_URI_INVALID";
    public static final String PATH_INVALID = "PATH_INVALID";
    public static final String DEVICE_INVALID = "DEVICE_INVALID";

    // Nodes.
    public static final String NODE_COUNT = "NODE_COUNT";
    public static final String NODE_NAME_DUPLICATE = "NODE_NAME_DUPLICATE";
    public static final String VALID_DATA_HOLDER_COUNT = "VALID_DATA_HOLDER_COUNT";
    public static final String MAC_INVALID = "MAC_INVALID";
    public static final String MAC_DUPLICATE = "MAC_DUPLICATE";
    public static final String MAC_REQUIRED = "MAC_REQUIRED";

    // Network.
    public static final String ADDRESS_INVALID = "ADDRESS_INVALID";
    public static final String SUBNET_INVALID = "SUBNET_INVALID";
    public static final String ADDRESS_OUTSIDE_SUBNET = "ADDRESS_OUTSIDE_SUBNET";
    public static final String ADDRESS_RESERVED = "ADDRESS_RESERVED";
    public static final String ADDRESS_DUPLICATE = "ADDRESS_DUPLICATE";
    public static final String MANAGEMENT_ADDRESS_NOT_UNICAST = "MANAGEMENT_ADDRESS_NOT_UNICAST";
    public static final String SUBNET_OVERLAP = "SUBNET_OVERLAP";
    public static final String PORT_OUT_OF_RANGE = "PORT_OUT_OF_RANGE";
    public static final String PORT_COLLISION = "PORT_COLLISION";
    public static final String TIMEZONE_INVALID = "TIMEZONE_INVALID";

    // Provisioning.
    public static final String PROVISIONING_KIND_UNKNOWN = "PROVISIONING_KIND_UNKNOWN";

    // Storage.
    public static final String DEVICE_DUPLICATE = "DEVICE_DUPLICATE";
    public static final String PARTITION_NUMBER_INVALID = "PARTITION_NUMBER_INVALID";
    public static final String PARTITION_NUMBER_DUPLICATE = "PARTITION_NUMBER_DUPLICATE";
    public static final String PARTITION_TYPE_UNKNOWN = "PARTITION_TYPE_UNKNOWN";
    public static final String PARTITION_REST_NOT_LAST = "PARTITION_REST_NOT_LAST";
    public static final String SIZE_INVALID = "SIZE_INVALID";
    public static final String LVM_NAME_DUPLICATE = "LVM_NAME_DUPLICATE";
    public static final String PV_NOT_DECLARED = "PV_NOT_DECLARED";
    public static final String PV_NOT_LVM_PARTITION = "PV_NOT_LVM_PARTITION";
    public static final String PV_DUPLICATE = "PV_DUPLICATE";
    public static final String LV_REST_DUPLICATE = "LV_REST_DUPLICATE";
    public static final String LV_EXCEEDS_VG = "LV_EXCEEDS_VG";
    public static final String FILESYSTEM_TYPE_UNKNOWN = "FILESYSTEM_TYPE_UNKNOWN";
    public static final String MOUNT_POINT_INVALID = "MOUNT_POINT_INVALID";
    public static final String MOUNT_POINT_DUPLICATE = "MOUNT_POINT_DUPLICATE";

    // Replication (DRBD).
    public static final String REPLICATION_PROTOCOL_INVALID = "REPLICATION_PROTOCOL_INVALID";
    public static final String REPLICATION_INITIAL_SYNC_INVALID = "REPLICATION_INITIAL_SYNC_INVALID";
    public static final String DRBD_NAME_DUPLICATE = "DRBD_NAME_DUPLICATE";
    public static final String DRBD_MINOR_INVALID = "DRBD_MINOR_INVALID";
    public static final String DRBD_MINOR_DUPLICATE = "DRBD_MINOR_DUPLICATE";
    public static final String DRBD_BACKING_VOLUME_UNKNOWN = "DRBD_BACKING_VOLUME_UNKNOWN";
    public static final String DRBD_BACKING_VOLUME_SHARED = "DRBD_BACKING_VOLUME_SHARED";
    public static final String DRBD_BACKING_VOLUME_MOUNTED = "DRBD_BACKING_VOLUME_MOUNTED";

    // Heartbeat.
    public static final String DURATION_INVALID = "DURATION_INVALID";
    public static final String HEARTBEAT_TIMING = "HEARTBEAT_TIMING";
    public static final String HEARTBEAT_INITDEAD_SHORT = "HEARTBEAT_INITDEAD_SHORT";
    public static final String HEARTBEAT_DEFAULT_PORT = "HEARTBEAT_DEFAULT_PORT";

    // DB2.
    public static final String DB2_INSTANCE_DUPLICATE = "DB2_INSTANCE_DUPLICATE";
    public static final String DB2_INSTANCE_OWNER_MISMATCH = "DB2_INSTANCE_OWNER_MISMATCH";
    public static final String DB2_HOME_NOT_REPLICATED = "DB2_HOME_NOT_REPLICATED";
    public static final String DB2_DATABASE_DUPLICATE = "DB2_DATABASE_DUPLICATE";
    public static final String DB2_DATABASE_PATH_NOT_REPLICATED = "DB2_DATABASE_PATH_NOT_REPLICATED";

    // Backup.
    public static final String BACKUP_DATABASE_MISSING = "BACKUP_DATABASE_MISSING";
    public static final String BACKUP_DATABASE_UNKNOWN = "BACKUP_DATABASE_UNKNOWN";
    public static final String BACKUP_SCHEDULE_INVALID = "BACKUP_SCHEDULE_INVALID";
    public static final String BACKUP_RETENTION_INVALID = "BACKUP_RETENTION_INVALID";
    public static final String BACKUP_TARGET_NOT_MOUNTED = "BACKUP_TARGET_NOT_MOUNTED";
}
