package org.hainstall.core.plan;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;

/**
 * The steps of each mode, for the command line and the wizard. Implemented where the steps live
 * ({@code NodeStepCatalog} for the node steps, provisioning for create's first five steps).
 */
public interface Workflows {

    /** Steps 7–16 of DESIGN.md for both nodes plus the cluster-wide ones. */
    List<Step> modify(ClusterConfig config);

    /** Provisioning (steps 1–6) followed by the {@link #modify} steps. */
    List<Step> create(ClusterConfig config);

    /**
     * The shells {@code create --dry-run} plans against: models of nodes not created yet, which answer the steps'
     * facts as a fresh node would and contact nothing.
     */
    org.hainstall.core.remote.ShellFactory blankShells(ClusterConfig config);
}
