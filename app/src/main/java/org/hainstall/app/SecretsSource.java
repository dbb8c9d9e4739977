package org.hainstall.app;

import java.io.IOException;
import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.SecretsView;

/** Opens the cluster's secrets folder beside its config ({@code sales-db.secrets/}); wired to core's SecretsStore. */
interface SecretsSource {
    SecretsView open(Path configFile, ClusterConfig config) throws IOException;
}
