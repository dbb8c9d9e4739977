package org.hainstall.core.config;

import java.util.Map;

/**
 * What each closed set of the config is called in a message, and the code a word outside it is reported with: facts
 * of the set, not of any one word, so they live here once rather than on every enum constant.
 */
final class ClosedSets {
    record Names(String setName, ProblemCode unknownWord) { }

    private static final Map<Class<? extends ConfigChoice>, Names> SETS = Map.of(
            ProvisioningKind.class, new Names("provisioning kind", ProblemCode.PROVISIONING_KIND_UNKNOWN),
            DrbdProtocol.class, new Names("DRBD protocol", ProblemCode.REPLICATION_PROTOCOL_INVALID),
            InitialSync.class, new Names("initial sync", ProblemCode.REPLICATION_INITIAL_SYNC_INVALID),
            PartitionType.class, new Names("partition type", ProblemCode.PARTITION_TYPE_UNKNOWN),
            FilesystemType.class, new Names("filesystem type", ProblemCode.FILESYSTEM_TYPE_UNKNOWN));

    private ClosedSets() {
    }

    static Names of(Class<? extends ConfigChoice> type) {
        Names names = SETS.get(type);
        if (names == null) {
            throw new IllegalStateException(type.getSimpleName() + " is a ConfigChoice without its names in ClosedSets");
        }
        return names;
    }
}
