package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;

/**
 * Brings a config to the form in which a reconstructed config and the original one can be compared: only what a
 * cluster shows about itself is kept. Dropped, because a cluster cannot know them: the workstation's sections
 * (management, access, provisioning, packages, db2.installImage), the description, MAC addresses (new machines
 * get new ones), how the first sync was made and how long it waited for its peer; dropped because it changes with failovers: which node held the
 * valid data first. Lists whose order carries no meaning are sorted.
 */
public final class ConfigNormalizer {
    private ConfigNormalizer() {
    }

    public static ClusterConfig forComparison(ClusterConfig c) {
        List<Node> nodes = c.nodes() == null ? null : c.nodes().stream()
                .map(n -> new Node(n.name(), n.address(), n.replicationAddress(), null, null, null))
                .sorted(Comparator.comparing(Node::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        ClusterConfig.Storage storage = c.storage() == null ? null : new ClusterConfig.Storage(c.storage().disks(),
                c.storage().volumeGroups() == null ? null : c.storage().volumeGroups().stream()
                        .map(vg -> new ClusterConfig.VolumeGroup(vg.name(), vg.physicalVolumes(),
                                vg.logicalVolumes() == null ? null : sorted(vg.logicalVolumes(),
                                        Comparator.comparing(ClusterConfig.LogicalVolume::name))))
                        .toList());
        ClusterConfig.Replication replication = c.replication() == null ? null : new ClusterConfig.Replication(
                c.replication().protocol(), null, c.replication().resources() == null ? null
                : sorted(c.replication().resources(), Comparator.comparing(ClusterConfig.DrbdResource::name)));
        ClusterConfig.Db2 db2 = c.db2() == null ? null : new ClusterConfig.Db2(c.db2().installPath(), null,
                c.db2().instances());
        ClusterConfig.TimeSettings time = c.time() == null ? null : new ClusterConfig.TimeSettings(c.time().ntpServers(),
                c.time().timezone() == null ? null : ConfigAssembler.canonicalZone(c.time().timezone()));
        ClusterConfig.Backup backup = c.backup() == null ? null : new ClusterConfig.Backup(c.backup().target(),
                c.backup().schedule(), c.backup().retentionDays(),
                c.backup().databases() == null ? null : sorted(c.backup().databases(), Comparator.naturalOrder()));
        return new ClusterConfig(
                c.cluster() == null ? null : new ClusterConfig.ClusterInfo(c.cluster().name(), null),
                null, null, null, c.network(), time, null, nodes, storage, replication, c.heartbeat(), db2, backup);
    }

    /** Paths that differ between two normalised configs, for a readable report. */
    public static List<String> differences(ClusterConfig a, ClusterConfig b) {
        ClusterConfig x = forComparison(a);
        ClusterConfig y = forComparison(b);
        List<String> out = new ArrayList<>();
        compare(out, "cluster", x.cluster(), y.cluster());
        compare(out, "network", x.network(), y.network());
        compare(out, "time", x.time(), y.time());
        int n = Math.max(size(x.nodes()), size(y.nodes()));
        for (int i = 0; i < n; i++) {
            compare(out, "nodes[" + i + "]", get(x.nodes(), i), get(y.nodes(), i));
        }
        compare(out, "storage", x.storage(), y.storage());
        compare(out, "replication", x.replication(), y.replication());
        compare(out, "heartbeat", x.heartbeat(), y.heartbeat());
        compare(out, "db2", x.db2(), y.db2());
        compare(out, "backup", x.backup(), y.backup());
        return out;
    }

    private static void compare(List<String> out, String path, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(path + ":\n    " + a + "\n  ≠ " + b);
        }
    }

    private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(list);
        copy.sort(Comparator.nullsLast(order));
        return copy;
    }

    private static int size(List<?> l) {
        return l == null ? 0 : l.size();
    }

    private static <T> T get(List<T> l, int i) {
        return l == null || i >= l.size() ? null : l.get(i);
    }
}
