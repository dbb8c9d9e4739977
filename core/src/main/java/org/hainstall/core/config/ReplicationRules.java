package org.hainstall.core.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DRBD: protocol, initial sync, resource names, minors and backing volumes. */
final class ReplicationRules implements Rule {
    static final int MAX_MINOR = 1048575;
    /** Shorter than this and a peer that is merely slow to boot would be reported unreachable. */
    static final java.time.Duration MIN_PEER_CONNECT_TIMEOUT = java.time.Duration.ofSeconds(10);

    @Override
    public void check(ClusterConfig c, ProblemList p) {
        if (!p.required("replication", c.replication())) {
            return;
        }
        ClusterConfig.Replication r = c.replication();
        p.required("replication.protocol", r.protocol());
        p.required("replication.initialSync", r.initialSync());
        if (r.peerConnectTimeout() != null) {
            java.util.Optional<java.time.Duration> t = Durations.parse(r.peerConnectTimeout());
            if (t.isEmpty() || t.get().compareTo(MIN_PEER_CONNECT_TIMEOUT) < 0) {
                p.error("replication.peerConnectTimeout", ProblemCode.DURATION_INVALID, Quote.of(r.peerConnectTimeout())
                        + " is not a duration of at least 10s such as 90s or 5m (how long the initial sync waits"
                        + " for the peer).");
            }
        }
        if (!p.required("replication.resources", r.resources())) {
            return;
        }
        Map<String, ClusterConfig.LogicalVolume> volumes = logicalVolumes(c.storage());
        Set<String> names = new HashSet<>();
        Map<Integer, String> minors = new HashMap<>();
        Map<String, String> backing = new HashMap<>();
        for (int i = 0; i < r.resources().size(); i++) {
            String path = Rule.at("replication.resources", i);
            ClusterConfig.DrbdResource res = r.resources().get(i);
            if (!p.required(path, res)) {
                continue;
            }
            if (p.required(path + ".name", res.name())) {
                if (!Names.drbd(res.name())) {
                    p.error(path + ".name", ProblemCode.DRBD_NAME_INVALID, Quote.of(res.name())
                            + " is not a plain DRBD resource name (letters, digits, '_' and '-', at most 63 characters).");
                } else if (!names.add(res.name())) {
                    p.error(path + ".name", ProblemCode.DRBD_NAME_DUPLICATE, "resource " + Quote.of(res.name()) + " is declared twice.");
                }
            }
            if (p.required(path + ".minor", res.minor())) {
                if (res.minor() < 0 || res.minor() > MAX_MINOR) {
                    p.error(path + ".minor", ProblemCode.DRBD_MINOR_INVALID,
                            "minor " + res.minor() + " is outside 0-" + MAX_MINOR + ".");
                } else {
                    String earlier = minors.putIfAbsent(res.minor(), path + ".minor");
                    if (earlier != null) {
                        p.error(path + ".minor", ProblemCode.DRBD_MINOR_DUPLICATE, "/dev/drbd" + res.minor()
                                + " is already used by " + earlier + ".");
                    }
                }
            }
            if (p.required(path + ".port", res.port())) {
                Checks.port(p, path + ".port", res.port());
            }
            if (p.required(path + ".backingVolume", res.backingVolume())) {
                String bv = res.backingVolume();
                ClusterConfig.LogicalVolume lv = volumes.get(bv);
                if (lv == null) {
                    p.error(path + ".backingVolume", ProblemCode.DRBD_BACKING_VOLUME_UNKNOWN, Quote.of(bv)
                            + " is not a logical volume of the storage section (write it as volumeGroup/logicalVolume).");
                } else {
                    String earlier = backing.putIfAbsent(bv, path + ".backingVolume");
                    if (earlier != null) {
                        p.error(path + ".backingVolume", ProblemCode.DRBD_BACKING_VOLUME_SHARED, bv
                                + " already backs " + earlier + "; each resource needs its own volume.");
                    }
                    if (lv.filesystem() != null) {
                        p.error(path + ".backingVolume", ProblemCode.DRBD_BACKING_VOLUME_MOUNTED, bv + " has a local "
                                + "filesystem of its own; a volume that backs DRBD must have none (put it on the resource).");
                    }
                }
            }
        }
    }

    /** "vg/lv" → the logical volume, for every volume the storage section declares. */
    static Map<String, ClusterConfig.LogicalVolume> logicalVolumes(ClusterConfig.Storage storage) {
        Map<String, ClusterConfig.LogicalVolume> out = new HashMap<>();
        if (storage == null) {
            return out;
        }
        for (ClusterConfig.VolumeGroup vg : Rule.each(storage.volumeGroups())) {
            if (vg == null || vg.name() == null) {
                continue;
            }
            for (ClusterConfig.LogicalVolume lv : Rule.each(vg.logicalVolumes())) {
                if (lv != null && lv.name() != null) {
                    out.put(vg.name() + "/" + lv.name(), lv);
                }
            }
        }
        return out;
    }
}
