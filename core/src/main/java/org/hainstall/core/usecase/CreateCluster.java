package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import org.hainstall.core.plan.RunMode;

/**
 * {@code create}: provision new nodes (clone a VM stub or ask for a physical machine, seed, call back), then
 * configure them. Its dry run plans against blank nodes and contacts nothing.
 */
public final class CreateCluster extends ClusterRun {
    @Inject
    public CreateCluster(RunSessions sessions, ConfigCheck validator) {
        super(RunMode.CREATE, sessions, validator);
    }
}
