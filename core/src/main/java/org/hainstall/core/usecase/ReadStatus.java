package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.status.ClusterStatus;
import org.hainstall.core.status.StatusReader;

/** {@code status}: the live cluster at a glance (DRBD, Heartbeat, the active node, DB2); read-only. */
public final class ReadStatus {
    private final ShellsSource shells;

    @Inject
    public ReadStatus(ShellsSource shells) {
        this.shells = shells;
    }

    /** One look per node over SSH with the host keys pinned beside {@code configFile}. */
    public ClusterStatus read(ClusterConfig config, Path configFile) {
        return new StatusReader(shells.forConfig(configFile)).read(config);
    }
}
