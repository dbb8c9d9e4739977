package org.hainstall.core.testing;

import java.util.Map;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/** Shell factories for tests that script their nodes. */
public final class TestShells {
    private TestShells() {
    }

    /** Hands out the given shells by node name; a node without one cannot be reached. */
    public static ShellFactory byName(Map<String, ? extends Shell> shells) {
        return (config, node) -> {
            Shell s = shells.get(node.name());
            if (s == null) {
                throw new RemoteException(RemoteException.Kind.CONNECT, node.name() + ": unreachable");
            }
            return s;
        };
    }
}
