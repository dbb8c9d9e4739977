package org.hainstall.core.provision;

import java.util.List;

/**
 * What the hypervisor shows of a machine whose call back is awaited: whether it still runs, and the last lines its
 * console printed that came from node-prep (empty when the console cannot be read from here).
 *
 * @param running      the hypervisor says the machine runs (false when it does not, or nothing is known)
 * @param stoppedState null while the machine runs (or nothing is known), else its state ("shut off", "crashed")
 */
public record MachineSigns(boolean running, String stoppedState, List<String> nodePrepConsole) {
    /** Nothing known: a physical machine, or a hypervisor whose console cannot be read. */
    public static final MachineSigns NONE = new MachineSigns(false, null, List.of());

    public MachineSigns {
        nodePrepConsole = List.copyOf(nodePrepConsole);
    }
}
