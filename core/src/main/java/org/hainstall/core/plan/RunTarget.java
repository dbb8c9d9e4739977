package org.hainstall.core.plan;

import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Shell;

/**
 * What the steps of a run work on: the config, the nodes' shells, the secrets and whoever answers the admin's
 * prompts.
 */
public record RunTarget(ClusterConfig config, NodeShells shells, SecretsView secrets, AdminPrompter prompter) {

    /** With shells already open, by node name. */
    public static RunTarget of(ClusterConfig config, Map<String, ? extends Shell> shells, SecretsView secrets,
                               AdminPrompter prompter) {
        return new RunTarget(config, NodeShells.of(shells), secrets, prompter);
    }
}
