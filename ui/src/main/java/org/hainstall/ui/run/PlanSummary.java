package org.hainstall.ui.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.plan.Event;

/**
 * What a dry run says a run will do, per node (and cluster-wide): how many changes, how many steps cannot be
 * decided before earlier changes are applied, and which commands destroy what is on a device — partitioning,
 * a new LVM physical volume, mkfs, DRBD metadata, DRBD's forced first primary. The run page shows it before a
 * run starts, so nothing destructive runs on one click.
 */
public final class PlanSummary {
    /** Node name used for steps that are not about one node. */
    public static final String CLUSTER_WIDE = "cluster-wide";

    /** The kinds of command that wipe or overwrite what a device holds. */
    public enum Destructive {
        PARTITIONS("partitions"),
        PHYSICAL_VOLUME("LVM physical volume"),
        FILESYSTEM("mkfs"),
        DRBD_METADATA("DRBD metadata"),
        PRIMARY_FORCE("primary --force");

        private final String label;

        Destructive(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * The kind of a planned command line ("run: mkfs -t ext4 /dev/drbd0"), if it is destructive. The program
         * is what counts (after env, sudo or {@code sh -c}), never an argument: installing the package parted
         * partitions nothing.
         */
        static Destructive of(String action) {
            if (!action.startsWith("run: ")) {
                return null;
            }
            List<String> words = new ArrayList<>();
            for (String w : action.substring(5).split("\\s+")) {
                words.add(w.replaceAll("^['\"]+|['\"]+$", ""));
            }
            int i = 0;
            while (i < words.size() && (words.get(i).matches("env|sudo|sh|bash|-c|-e|[A-Za-z_][A-Za-z0-9_]*=.*")
                    || words.get(i).isEmpty())) {
                i++;
            }
            if (i >= words.size()) {
                return null;
            }
            String program = words.get(i).substring(words.get(i).lastIndexOf('/') + 1);
            List<String> args = words.subList(i + 1, words.size());
            return switch (program) {
                case "sfdisk", "parted", "sgdisk", "wipefs" -> PARTITIONS;
                case "pvcreate" -> PHYSICAL_VOLUME;
                case "drbdadm" -> args.contains("create-md") ? DRBD_METADATA
                        : args.contains("primary") && args.contains("--force") ? PRIMARY_FORCE : null;
                default -> program.equals("mkfs") || program.startsWith("mkfs.") ? FILESYSTEM : null;
            };
        }
    }

    /** One destructive command of the plan. */
    public record DestructiveCommand(Destructive kind, String step, String command) { }

    /** One node's part of the plan. */
    public record NodePlan(String node, int changes, int undecided, List<DestructiveCommand> destructive) {
        public NodePlan {
            destructive = List.copyOf(destructive);
        }
    }

    private final Map<String, Counts> nodes = new LinkedHashMap<>();

    private static final class Counts {
        int changes;
        int undecided;
        final List<DestructiveCommand> destructive = new ArrayList<>();
    }

    /** Takes one event of a dry run (others are ignored). */
    public void accept(Event e) {
        if (e instanceof Event.ChangePlanned c) {
            Counts n = counts(c.step().node());
            n.changes++;
            for (String action : c.actions()) {
                Destructive d = Destructive.of(action);
                if (d != null) {
                    n.destructive.add(new DestructiveCommand(d, c.step().name(), action.substring(5)));
                }
            }
        } else if (e instanceof Event.StepFinished f && f.summary() != null && f.summary().startsWith("undecided")) {
            counts(f.step().node()).undecided++;
        }
    }

    /** The nodes in name order, then the cluster-wide steps. */
    public List<NodePlan> nodes() {
        List<NodePlan> out = new ArrayList<>();
        nodes.forEach((name, c) -> out.add(new NodePlan(name, c.changes, c.undecided, c.destructive)));
        out.sort(Comparator.comparing((NodePlan n) -> n.node().equals(CLUSTER_WIDE)).thenComparing(NodePlan::node));
        return out;
    }

    public int changes() {
        return nodes.values().stream().mapToInt(c -> c.changes).sum();
    }

    public boolean anyDestructive() {
        return nodes.values().stream().anyMatch(c -> !c.destructive.isEmpty());
    }

    /** The plan in a few lines per node, as the confirmation shows it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (NodePlan n : nodes()) {
            out.append(n.node()).append(": ").append(n.changes()).append(n.changes() == 1 ? " change" : " changes");
            if (n.undecided() > 0) {
                out.append(", ").append(n.undecided()).append(" to be decided once earlier changes are applied");
            }
            out.append(n.destructive().isEmpty() ? ", nothing destructive" : ", destructive:").append('\n');
            for (DestructiveCommand d : n.destructive()) {
                out.append("    ").append(d.kind().label()).append(": ").append(d.command()).append('\n');
            }
        }
        if (nodes.isEmpty()) {
            out.append("Nothing to change: the nodes already match the config.\n");
        }
        return out.toString();
    }

    private Counts counts(String node) {
        return nodes.computeIfAbsent(node == null ? CLUSTER_WIDE : node, k -> new Counts());
    }
}
