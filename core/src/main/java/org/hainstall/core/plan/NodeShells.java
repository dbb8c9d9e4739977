package org.hainstall.core.plan;

import java.util.Map;
import org.hainstall.core.remote.Shell;

/**
 * The shells of a run's nodes by name. For {@code create} they are opened (and locked) on first use, since the
 * nodes do not exist before the provisioning steps; so a lookup may fail with {@link NodeConnectionException}.
 */
@FunctionalInterface
public interface NodeShells {
    Shell shell(String node);

    static NodeShells of(Map<String, ? extends Shell> shells) {
        Map<String, ? extends Shell> copy = Map.copyOf(shells);
        return node -> {
            Shell s = copy.get(node);
            if (s == null) {
                throw new NodeConnectionException(node + ": no such node in this run", null);
            }
            return s;
        };
    }
}
