package org.hainstall.core.plan;

import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Shell;

/**
 * What the steps of a run work on: the config, one open shell per node (by node name), the secrets and whoever
 * answers the admin's prompts.
 */
public record RunTarget(ClusterConfig config, Map<String, Shell> shells, SecretsView secrets,
                        AdminPrompter prompter) {
    public RunTarget {
        shells = Map.copyOf(shells);
    }
}
