package org.hainstall.core.plan;

import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/** Opens {@link BlankNodeShell}s: what {@code create --dry-run} connects to instead of SSH. */
public final class BlankNodeShellFactory implements ShellFactory {
    private final BlankNodeFacts facts;

    public BlankNodeShellFactory(BlankNodeFacts facts) {
        this.facts = facts;
    }

    @Override
    public Shell open(ClusterConfig config, ClusterConfig.Node node) {
        return new BlankNodeShell(node, facts);
    }
}
