package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/**
 * Which node of a known cluster {@code reconstruct --config} reads when no node is named: the active one (DRBD
 * Primary on every resource it has up) when one can be told, because the standby cannot see DB2's part, which
 * lives on DRBD; else the first node that answers. Every node is read with its one look (one remote command), side
 * by side, and the choice is made from the looks' {@code /proc/drbd}: the chosen node is not read a second time.
 */
public final class NodePicker {
    /** One look at a node: every fact reconstruct reads, in one remote command ({@link FactsCollector}). */
    @FunctionalInterface
    public interface Look {
        FactsCollector.WithSecrets read(Shell shell) throws RemoteException;
    }

    /**
     * The node to read, and what its look read.
     *
     * @param shell  its open shell; the caller closes it (every other shell is closed already)
     * @param why    why this node: "the active node …" or "the first node that answered …"
     * @param unread the sentence of each node that could not be read
     * @param look   the node's facts (and the secrets, when the look reads them)
     */
    public record Picked(Shell shell, String node, String why, List<String> unread, FactsCollector.WithSecrets look) {
        public Picked {
            unread = List.copyOf(unread);
        }
    }

    /** No node of the cluster could be read; {@link #reasons()} holds one sentence per node. */
    public static final class NoNodeReadableException extends Exception {
        private final List<String> reasons;

        NoNodeReadableException(List<String> reasons) {
            super("no node could be read: " + String.join("; ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    /** A node read, or the sentence saying why it could not be. */
    private record Answer(String node, Shell shell, FactsCollector.WithSecrets look, String failure) {
        boolean answered() {
            return failure == null;
        }
    }

    private final ShellFactory shells;
    private final Look look;

    public NodePicker(ShellFactory shells, Look look) {
        this.shells = shells;
        this.look = look;
    }

    public Picked pick(ClusterConfig config) throws NoNodeReadableException, InterruptedException {
        List<Answer> answers = readAll(config);
        List<Answer> answered = answers.stream().filter(Answer::answered).toList();
        List<String> unread = answers.stream().filter(a -> !a.answered()).map(Answer::failure).toList();
        if (answered.isEmpty()) {
            throw new NoNodeReadableException(unread);
        }
        Answer active = answered.stream().filter(a -> holdsPrimary(a.look().facts())).findFirst().orElse(null);
        String why = active != null ? "the active node: it holds DRBD Primary"
                : "the first node that answered; none could be told active, as no node holds DRBD Primary"
                        + (unread.isEmpty() ? "" : " among those that answered");
        Answer chosen = active != null ? active : answered.get(0);
        answered.stream().filter(a -> a != chosen).forEach(a -> a.shell().close());
        return new Picked(chosen.shell(), chosen.node(), why, unread, chosen.look());
    }

    /**
     * Each node opened and looked at side by side, in the config's order. An interrupt ends the command, whose exit
     * closes whatever connection a finished read left open.
     */
    private List<Answer> readAll(ClusterConfig config) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(config.nodes().size(), r -> {
            Thread t = new Thread(r, "reconstruct-look");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<Answer>> reads = config.nodes().stream()
                    .map(node -> (Callable<Answer>) () -> read(config, node)).toList();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : pool.invokeAll(reads)) {
                try {
                    answers.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("reading a node failed unexpectedly", e.getCause());
                }
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer read(ClusterConfig config, ClusterConfig.Node node) {
        Shell shell = null;
        try {
            shell = shells.open(config, node);
            return new Answer(node.name(), shell, look.read(shell), null);
        } catch (RemoteException e) {
            if (shell != null) {
                shell.close();
            }
            return new Answer(node.name(), null, null, e.getMessage());
        }
    }

    /** Primary on every DRBD minor that is up; false without DRBD (not loaded, nothing up). */
    static boolean holdsPrimary(NodeFacts facts) {
        return facts.get(DrbdProbe.ROLES.name()).map(text -> {
            List<ProcDrbd.Minor> up = ProcDrbd.parse(text).minors().values().stream()
                    .filter(ProcDrbd.Minor::configured).toList();
            return !up.isEmpty() && up.stream().allMatch(ProcDrbd.Minor::primary);
        }).orElse(false);
    }
}
