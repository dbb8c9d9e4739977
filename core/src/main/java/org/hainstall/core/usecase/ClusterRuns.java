package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import org.hainstall.core.plan.RunMode;

/** The run for a mode, for front ends where the admin picks the mode (the wizard's Start, the review's plan). */
public final class ClusterRuns {
    private final CreateCluster create;
    private final ModifyCluster modify;

    @Inject
    public ClusterRuns(CreateCluster create, ModifyCluster modify) {
        this.create = create;
        this.modify = modify;
    }

    public ClusterRun of(RunMode mode) {
        return switch (mode) {
            case CREATE -> create;
            case MODIFY -> modify;
        };
    }
}
