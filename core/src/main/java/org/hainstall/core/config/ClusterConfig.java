package org.hainstall.core.config;

import java.util.List;

/**
 * The whole cluster description: what an administrator writes in {@code cluster.yaml}.
 * Plain immutable data. Values that need parsing (sizes, durations, addresses) stay strings here so that
 * a config always round-trips exactly and validation can point at the field that does not parse. The words of
 * closed sets (provisioning kind, DRBD protocol, initial sync, partition and filesystem types) are their
 * {@link ConfigChoice} enums: the loader reports a word outside the set at its path, among all the other problems.
 * Missing values are {@code null}; {@link ConfigValidator} reports the ones that are required.
 */
public record ClusterConfig(
        ClusterInfo cluster,
        Management management,
        Access access,
        Provisioning provisioning,
        Network network,
        TimeSettings time,
        Packages packages,
        List<Node> nodes,
        Storage storage,
        Replication replication,
        Heartbeat heartbeat,
        Db2 db2,
        Backup backup) {

    public ClusterConfig {
        nodes = Lists.copy(nodes);
    }

    public record ClusterInfo(String name, String description) {
        /** What {@link #isValidName} allows, in words for a message. */
        public static final String NAME_RULE = "lowercase letters, digits and inner hyphens, at most 63 characters";

        /**
         * True for a name the validator accepts as {@code cluster.name}. Public so that a name given elsewhere (the
         * clone's {@code --name}) is held to the same rule before it becomes a config.
         */
        public static boolean isValidName(String name) {
            return name != null && Names.clusterName(name);
        }
    }

    /** Where nodes call back after preparing themselves. */
    public record Management(String address, Integer callbackPort) {}

    /** How the installer logs in to the nodes: root, or a user with passwordless sudo. */
    public record Access(String user, Integer port) {}

    /**
     * {@code kind}: clone a VM stub with libvirt, or the admin powers physical machines on.
     * {@code callbackTimeout} (optional): how long a node's call back is awaited — by default
     * {@link #DEFAULT_VM_CALLBACK_TIMEOUT} for VMs and {@link #DEFAULT_PHYSICAL_CALLBACK_TIMEOUT} for physical
     * machines (someone has to walk to them).
     */
    public record Provisioning(ProvisioningKind kind, Libvirt libvirt, String callbackTimeout) {
        public static final String DEFAULT_VM_CALLBACK_TIMEOUT = "15m";
        public static final String DEFAULT_PHYSICAL_CALLBACK_TIMEOUT = "60m";

        public Provisioning(ProvisioningKind kind, Libvirt libvirt) {
            this(kind, libvirt, null);
        }

        /** True when the nodes are VMs that hainstall clones with libvirt. */
        public boolean isLibvirt() {
            return kind == ProvisioningKind.LIBVIRT;
        }

        public java.time.Duration callbackTimeoutOrDefault() {
            String t = callbackTimeout != null ? callbackTimeout
                    : isLibvirt() ? DEFAULT_VM_CALLBACK_TIMEOUT : DEFAULT_PHYSICAL_CALLBACK_TIMEOUT;
            return Durations.parse(t).orElseThrow(() -> new IllegalStateException("provisioning.callbackTimeout '"
                    + t + "' is not a duration (the validator reports this)"));
        }
    }

    public record Libvirt(String uri, String stub, String storagePool, String network, String replicationNetwork) {}

    public record Network(String domain, String subnet, String gateway, List<String> dns, String serviceAddress,
                          String replicationSubnet) {
        public Network {
            dns = Lists.copy(dns);
        }
    }

    public record TimeSettings(List<String> ntpServers, String timezone) {
        public TimeSettings {
            ntpServers = Lists.copy(ntpServers);
        }
    }

    /** A folder of .deb files with a Packages index, carried on each node's seed ISO. */
    public record Packages(String localRepository) {}

    public record Node(String name, String address, String replicationAddress, Boolean holdsValidData, String mac,
                       String replicationMac) {
        public boolean isValidDataHolder() {
            return Boolean.TRUE.equals(holdsValidData);
        }
    }

    public record Storage(List<Disk> disks, List<VolumeGroup> volumeGroups) {
        public Storage {
            disks = Lists.copy(disks);
            volumeGroups = Lists.copy(volumeGroups);
        }
    }

    public record Disk(String device, List<Partition> partitions) {
        public Disk {
            partitions = Lists.copy(partitions);
        }
    }

    /** {@code size} is a size such as 512M or 20G, or "rest". */
    public record Partition(Integer number, String size, PartitionType type) {}

    public record VolumeGroup(String name, List<String> physicalVolumes, List<LogicalVolume> logicalVolumes) {
        public VolumeGroup {
            physicalVolumes = Lists.copy(physicalVolumes);
            logicalVolumes = Lists.copy(logicalVolumes);
        }
    }

    /** A logical volume; with a filesystem it is local to the node, without one it usually backs DRBD. */
    public record LogicalVolume(String name, String size, Filesystem filesystem) {}

    public record Filesystem(FilesystemType type, String mountPoint) {}

    /**
     * {@code peerConnectTimeout} (optional, default {@link #DEFAULT_PEER_CONNECT_TIMEOUT}): how long the initial sync
     * waits for the peer to connect before giving up without making any node primary.
     */
    public record Replication(DrbdProtocol protocol, InitialSync initialSync, String peerConnectTimeout,
                              List<DrbdResource> resources) {
        public static final String DEFAULT_PEER_CONNECT_TIMEOUT = "5m";

        public Replication {
            resources = Lists.copy(resources);
        }

        public Replication(DrbdProtocol protocol, InitialSync initialSync, List<DrbdResource> resources) {
            this(protocol, initialSync, null, resources);
        }

        /** The timeout in force: the configured one, or the default. */
        public java.time.Duration peerConnectTimeoutOrDefault() {
            return Durations.parse(peerConnectTimeout == null ? DEFAULT_PEER_CONNECT_TIMEOUT : peerConnectTimeout)
                    .orElseThrow(() -> new IllegalStateException("replication.peerConnectTimeout " + Quote.of(peerConnectTimeout)
                            + " is not a duration (the validator reports this)"));
        }
    }

    /** {@code backingVolume} is "vg/lv" naming a logical volume of the storage section. */
    public record DrbdResource(String name, Integer minor, Integer port, String backingVolume, Filesystem filesystem) {}

    /** Durations are strings such as "2s", "500ms", "1m". */
    public record Heartbeat(Integer udpPort, String keepalive, String warntime, String deadtime, String initdead,
                            Boolean autoFailback) {}

    public record Db2(String installPath, String installImage, List<Db2Instance> instances) {
        public Db2 {
            instances = Lists.copy(instances);
        }
    }

    public record Db2Instance(String name, String owner, String fencedUser, Integer port, String home,
                              List<Database> databases) {
        public Db2Instance {
            databases = Lists.copy(databases);
        }
    }

    public record Database(String name, String path, String codeset, String territory) {}

    public record Backup(String target, String schedule, Integer retentionDays, List<String> databases) {
        public Backup {
            databases = Lists.copy(databases);
        }
    }
}
