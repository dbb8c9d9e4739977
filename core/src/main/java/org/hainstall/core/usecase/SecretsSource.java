package org.hainstall.core.usecase;

import java.io.IOException;
import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.SecretsView;

/** Opens the cluster's secrets folder beside its config ({@code sales-db.secrets/}); wired to core's SecretsStore. */
public interface SecretsSource {
    SecretsView open(Path configFile, ClusterConfig config) throws IOException;

    /**
     * Generates what the run needs and the folder lacks (idempotent); with {@code creating}, also pins the host
     * keys hainstall generated for the nodes it is about to create. Returns what was made, without any secret.
     */
    default java.util.List<String> prepare(Path configFile, ClusterConfig config, boolean creating) throws IOException {
        return java.util.List.of();
    }
}
