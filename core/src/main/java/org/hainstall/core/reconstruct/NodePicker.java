package org.hainstall.core.reconstruct;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/**
 * Which node of a known cluster {@code reconstruct --config} reads when no node is named: the active one (DRBD
 * Primary on every resource it has up) when one can be told, because the standby cannot see DB2's part, which
 * lives on DRBD; else the first node that answers. The only command it runs is {@code cat /proc/drbd}.
 */
public final class NodePicker {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * The node to read.
     *
     * @param shell  its open shell; the caller closes it (every other shell is closed already)
     * @param why    why this node: "the active node …" or "the first node that answered …"
     * @param unread the sentence of each node that could not be read
     */
    public record Picked(Shell shell, String node, String why, List<String> unread) {
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

    private final ShellFactory shells;

    public NodePicker(ShellFactory shells) {
        this.shells = shells;
    }

    public Picked pick(ClusterConfig config) throws NoNodeReadableException {
        Map<String, Shell> answered = new LinkedHashMap<>();
        Map<String, Boolean> active = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        for (ClusterConfig.Node node : config.nodes()) {
            Shell shell = null;
            try {
                shell = shells.open(config, node);
                active.put(node.name(), holdsPrimary(shell));
                answered.put(node.name(), shell);
            } catch (RemoteException e) {
                if (shell != null) {
                    shell.close();
                }
                unread.add(e.getMessage());
            }
        }
        if (answered.isEmpty()) {
            throw new NoNodeReadableException(unread);
        }
        String chosen = active.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst()
                .orElse(null);
        String why = chosen != null ? "the active node: it holds DRBD Primary"
                : "the first node that answered; none could be told active, as no node holds DRBD Primary"
                        + (unread.isEmpty() ? "" : " among those that answered");
        String node = chosen != null ? chosen : answered.keySet().iterator().next();
        answered.forEach((name, shell) -> {
            if (!name.equals(node)) {
                shell.close();
            }
        });
        return new Picked(answered.get(node), node, why, unread);
    }

    /** Primary on every DRBD minor that is up; false without DRBD (not loaded, nothing up). */
    private static boolean holdsPrimary(Shell shell) throws RemoteException {
        CommandResult r = shell.run(Command.of("cat", "/proc/drbd"), TIMEOUT);
        if (!r.ok()) {
            return false;
        }
        List<ProcDrbd.Minor> up = ProcDrbd.parse(r.stdout()).minors().values().stream()
                .filter(ProcDrbd.Minor::configured).toList();
        return !up.isEmpty() && up.stream().allMatch(ProcDrbd.Minor::primary);
    }
}
