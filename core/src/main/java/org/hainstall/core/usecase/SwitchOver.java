package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.ShellFactory;
import org.hainstall.core.status.ClusterStatus;
import org.hainstall.core.status.StatusReader;
import org.hainstall.core.status.Switchover;

/** {@code switchover}: a planned move of the service to the other node, waiting until it holds everything. */
public final class SwitchOver {
    private final ShellsSource shells;

    @Inject
    public SwitchOver(ShellsSource shells) {
        this.shells = shells;
    }

    /** Moves the service; {@code progress} gets one line per stage. Returns the status once the move is done. */
    public ClusterStatus run(ClusterConfig config, Path configFile, Duration timeout, Consumer<String> progress)
            throws Switchover.SwitchoverException, InterruptedException {
        ShellFactory ssh = shells.forConfig(configFile);
        return new Switchover(ssh, new StatusReader(ssh), d -> Thread.sleep(d.toMillis())).run(config, timeout,
                progress);
    }
}
