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

    /** How a blank node answers the checks' commands, for {@code create --dry-run}. */
    default BlankNodeFacts blankNode(ClusterConfig config) {
        return BlankNodeFacts.debianStub();
    }

    /** The shells {@code create --dry-run} plans against: blank nodes, nothing contacted. */
    default org.hainstall.core.remote.ShellFactory blankShells(ClusterConfig config) {
        return new BlankNodeShellFactory(blankNode(config));
    }
}
