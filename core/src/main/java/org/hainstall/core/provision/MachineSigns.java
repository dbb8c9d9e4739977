package org.hainstall.core.provision;

import java.util.List;

/**
 * What the hypervisor shows of a machine whose call back is awaited: whether it still runs, and the last lines its
 * console printed that came from node-prep (empty when the console cannot be read from here).
 *
 * @param stoppedState null while the machine runs, else its state ("shut off", "crashed")
 */
public record MachineSigns(String stoppedState, List<String> nodePrepConsole) {
    /** Nothing known: a physical machine, or a hypervisor whose console cannot be read. */
    public static final MachineSigns NONE = new MachineSigns(null, List.of());

    public MachineSigns {
        nodePrepConsole = List.copyOf(nodePrepConsole);
    }
}
