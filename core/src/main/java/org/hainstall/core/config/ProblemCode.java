package org.hainstall.core.config;

/**
 * Every stable problem code in one place: the config's, the clone check's, the wizard's and a failed step's.
 * {@code --json} output, tests and (later) {@code --force CODE} rely on them, so a code never changes its meaning
 * once released — which is why it is an enum and never a string literal at the place that reports it.
 * docs/PROBLEM_CODES.md explains each one to administrators; {@code ProblemCodeTest} keeps that page and this
 * enum in step, both ways.
 */
public enum ProblemCode {
    // Reading the file (ConfigLoader, ConfigOverrides): these make the file unusable, so they come as ConfigException.
    CONFIG_UNREADABLE(Area.CONFIG),
    CONFIG_TOO_LARGE(Area.CONFIG),
    CONFIG_SYNTAX(Area.CONFIG),
    CONFIG_EMPTY(Area.CONFIG),
    CONFIG_UNKNOWN_KEY(Area.CONFIG),
    CONFIG_DUPLICATE_KEY(Area.CONFIG),
    CONFIG_WRONG_TYPE(Area.CONFIG),
    CONFIG_OVERRIDE_SYNTAX(Area.CONFIG),
    CONFIG_OVERRIDE_PATH(Area.CONFIG),

    // Anything required and missing.
    VALUE_REQUIRED(Area.CONFIG),

    // Names that reach commands on the nodes: allow-lists.
    CLUSTER_NAME_INVALID(Area.CONFIG),
    HOSTNAME_INVALID(Area.CONFIG),
    USER_NAME_INVALID(Area.CONFIG),
    LVM_NAME_INVALID(Area.CONFIG),
    DRBD_NAME_INVALID(Area.CONFIG),
    DB2_INSTANCE_NAME_INVALID(Area.CONFIG),
    DB2_DATABASE_NAME_INVALID(Area.CONFIG),
    DB2_DATABASE_OPTION_INVALID(Area.CONFIG),
    LIBVIRT_NAME_INVALID(Area.CONFIG),
    LIBVIRT_URI_INVALID(Area.CONFIG),
    PATH_INVALID(Area.CONFIG),
    DEVICE_INVALID(Area.CONFIG),

    // Nodes.
    NODE_COUNT(Area.CONFIG),
    NODE_NAME_DUPLICATE(Area.CONFIG),
    VALID_DATA_HOLDER_COUNT(Area.CONFIG),
    MAC_INVALID(Area.CONFIG),
    MAC_DUPLICATE(Area.CONFIG),
    MAC_REQUIRED(Area.CONFIG),

    // Network.
    ADDRESS_INVALID(Area.CONFIG),
    SUBNET_INVALID(Area.CONFIG),
    ADDRESS_OUTSIDE_SUBNET(Area.CONFIG),
    ADDRESS_RESERVED(Area.CONFIG),
    ADDRESS_DUPLICATE(Area.CONFIG),
    MANAGEMENT_ADDRESS_NOT_UNICAST(Area.CONFIG),
    SUBNET_OVERLAP(Area.CONFIG),
    PORT_OUT_OF_RANGE(Area.CONFIG),
    PORT_COLLISION(Area.CONFIG),
    TIMEZONE_INVALID(Area.CONFIG),

    // Provisioning.
    PROVISIONING_KIND_UNKNOWN(Area.CONFIG),

    // Storage.
    DEVICE_DUPLICATE(Area.CONFIG),
    PARTITION_NUMBER_INVALID(Area.CONFIG),
    PARTITION_NUMBER_DUPLICATE(Area.CONFIG),
    PARTITION_TYPE_UNKNOWN(Area.CONFIG),
    PARTITION_REST_NOT_LAST(Area.CONFIG),
    SIZE_INVALID(Area.CONFIG),
    LVM_NAME_DUPLICATE(Area.CONFIG),
    PV_NOT_DECLARED(Area.CONFIG),
    PV_NOT_LVM_PARTITION(Area.CONFIG),
    PV_DUPLICATE(Area.CONFIG),
    LV_REST_DUPLICATE(Area.CONFIG),
    LV_EXCEEDS_VG(Area.CONFIG),
    FILESYSTEM_TYPE_UNKNOWN(Area.CONFIG),
    MOUNT_POINT_INVALID(Area.CONFIG),
    MOUNT_POINT_DUPLICATE(Area.CONFIG),

    // Replication (DRBD).
    REPLICATION_PROTOCOL_INVALID(Area.CONFIG),
    REPLICATION_INITIAL_SYNC_INVALID(Area.CONFIG),
    DRBD_NAME_DUPLICATE(Area.CONFIG),
    DRBD_MINOR_INVALID(Area.CONFIG),
    DRBD_MINOR_DUPLICATE(Area.CONFIG),
    DRBD_BACKING_VOLUME_UNKNOWN(Area.CONFIG),
    DRBD_BACKING_VOLUME_SHARED(Area.CONFIG),
    DRBD_BACKING_VOLUME_MOUNTED(Area.CONFIG),

    // Heartbeat.
    DURATION_INVALID(Area.CONFIG),
    HEARTBEAT_TIMING(Area.CONFIG),
    HEARTBEAT_INITDEAD_SHORT(Area.CONFIG),
    HEARTBEAT_DEFAULT_PORT(Area.CONFIG),

    // DB2.
    DB2_INSTANCE_DUPLICATE(Area.CONFIG),
    DB2_INSTANCE_OWNER_MISMATCH(Area.CONFIG),
    DB2_HOME_NOT_REPLICATED(Area.CONFIG),
    DB2_DATABASE_DUPLICATE(Area.CONFIG),
    DB2_DATABASE_PATH_NOT_REPLICATED(Area.CONFIG),

    // Backup.
    BACKUP_DATABASE_MISSING(Area.CONFIG),
    BACKUP_DATABASE_UNKNOWN(Area.CONFIG),
    BACKUP_SCHEDULE_INVALID(Area.CONFIG),
    BACKUP_RETENTION_INVALID(Area.CONFIG),
    BACKUP_TARGET_NOT_MOUNTED(Area.CONFIG),

    // The clone check (hainstall clone, the wizard's clone flow): what a clone must not share with its source.
    CLONE_SAME_CLUSTER_NAME(Area.CLONE),
    CLONE_SAME_NODE_NAME(Area.CLONE),
    CLONE_SAME_ADDRESS(Area.CLONE),
    CLONE_SAME_UDP_PORT(Area.CLONE),
    CLONE_SAME_AUTH_KEY(Area.CLONE),
    CLONE_SAME_DRBD_SECRET(Area.CLONE),

    // The wizard: what it finds before core's validator can (a field that is no number), or around it.
    NOT_A_NUMBER(Area.WIZARD),
    VALIDATOR_FAILED(Area.WIZARD),
    RECONSTRUCT_UNREADABLE(Area.WIZARD),

    // A run: why a step failed. The engine's own: any step can end with these.
    STEP_FAILED(Area.RUN),
    STEP_INTERNAL_ERROR(Area.RUN),
    PROMPT_UNANSWERED(Area.RUN),
    NODE_UNREACHABLE(Area.RUN),
    NODE_COMMAND_TIMEOUT(Area.RUN),
    NODE_IO_FAILED(Area.RUN),
    FACT_COMMAND_FAILED(Area.RUN),
    NODE_OUTPUT_UNREADABLE(Area.RUN),
    NODE_CHANGED_SINCE_CHECK(Area.RUN),
    COMMAND_FAILED(Area.RUN),
    CHANGE_NOT_EFFECTIVE(Area.RUN),

    // A run: making the machines (provision step).
    SECRETS_MISSING(Area.RUN),
    CALLBACK_LISTEN_FAILED(Area.RUN),
    PROVISIONING_FAILED(Area.RUN),

    // A run: the node's identity and addresses, as Heartbeat needs them.
    HOSTNAME_MISMATCH(Area.RUN),
    ADDRESS_NOT_ON_NODE(Area.RUN),

    // A run: disks, LVM and local filesystems.
    DEVICE_MISSING(Area.RUN),
    DISK_FOREIGN(Area.RUN),
    PV_FOREIGN(Area.RUN),
    FILESYSTEM_FOREIGN(Area.RUN),
    STORAGE_NO_SPACE(Area.RUN),
    LV_TOO_SMALL(Area.RUN),
    MOUNT_POINT_TAKEN(Area.RUN),

    // A run: DRBD.
    DRBD_BACKING_FOREIGN(Area.RUN),
    DRBD_METADATA_UNREADABLE(Area.RUN),
    DRBD_STANDALONE(Area.RUN),
    DRBD_DISKLESS(Area.RUN),
    DRBD_NOT_UP(Area.RUN),
    DRBD_ROLES_SPLIT(Area.RUN),
    DRBD_PEER_NOT_CONNECTED(Area.RUN),
    DRBD_PEER_HOLDS_DATA(Area.RUN),
    DRBD_SYNC_STALLED(Area.RUN),
    DRBD_FILESYSTEM_NOT_MOUNTED(Area.RUN),

    // A run: Heartbeat.
    HEARTBEAT_RESOURCES_NOT_HELD(Area.RUN),

    // A run: DB2.
    DB2_IMAGE_UNREADABLE(Area.RUN),
    DB2_ACCOUNT_ID_MISMATCH(Area.RUN),
    DB2_INSTANCE_NOT_HA(Area.RUN),
    DB2_HOME_NOT_MOUNTED(Area.RUN),
    DB2_SERVICES_CONFLICT(Area.RUN),
    DB2_HOME_NOT_EMPTY(Area.RUN),
    DB2_HOME_NO_SPACE(Area.RUN),
    DB2_HOME_COPY_FAILED(Area.RUN);

    /** Who reports a code, which is also where docs/PROBLEM_CODES.md lists it. */
    public enum Area {
        /** Reading and validating a config file (hainstall validate, and every command that reads one). */
        CONFIG,
        /** Comparing a clone with its source cluster. */
        CLONE,
        /** The wizard's own checks of what is typed into it. */
        WIZARD,
        /** A step of a run that could not do its work. */
        RUN
    }

    private final Area area;

    ProblemCode(Area area) {
        this.area = area;
    }

    public Area area() {
        return area;
    }
}
