package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import org.hainstall.core.plan.RunMode;

/**
 * {@code modify}: bring existing nodes, reachable over SSH, to the config; a re-run on a finished cluster changes
 * nothing. Its dry run checks the real nodes.
 */
public final class ModifyCluster extends ClusterRun {
    @Inject
    public ModifyCluster(RunSessions sessions, ConfigCheck validator) {
        super(RunMode.MODIFY, sessions, validator);
    }
}
