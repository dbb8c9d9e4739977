package org.hainstall.core.status;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/**
 * A planned move of the service to the other node: Heartbeat's standby on the active node, then wait until the
 * other node holds everything (DRBD Primary, filesystems, service address, instances). Refuses to start on a
 * degraded cluster, where a move could leave the service nowhere.
 */
public final class Switchover {
    /** Debian's heartbeat ships hb_standby here. */
    static final String HB_STANDBY = "/usr/share/heartbeat/hb_standby";

    private final ShellFactory shells;
    private final StatusReader reader;
    private final Sleeper sleeper;

    /** Lets tests wait without sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public Switchover(ShellFactory shells, StatusReader reader, Sleeper sleeper) {
        this.shells = shells;
        this.reader = reader;
        this.sleeper = sleeper;
    }

    public ClusterStatus run(ClusterConfig config, Duration timeout, Consumer<String> progress)
            throws SwitchoverException, InterruptedException {
        ClusterStatus before = reader.read(config);
        if (!before.healthy() || before.activeNode().isEmpty()) {
            throw new SwitchoverException("the cluster is degraded; not moving the service:\n  - "
                    + String.join("\n  - ", before.degraded()));
        }
        String from = before.activeNode().get();
        ClusterConfig.Node fromNode = config.nodes().stream().filter(n -> n.name().equals(from)).findFirst()
                .orElseThrow();
        String to = config.nodes().stream().map(ClusterConfig.Node::name).filter(n -> !n.equals(from)).findFirst()
                .orElseThrow();
        progress.accept("moving the service from " + from + " to " + to + " (Heartbeat standby on " + from + ")");
        try (Shell shell = shells.open(config, fromNode)) {
            CommandResult r = shell.run(Command.of(HB_STANDBY, "all"), Duration.ofSeconds(60));
            if (!r.ok()) {
                throw new SwitchoverException(from + ": hb_standby failed with exit " + r.exitCode() + ": "
                        + r.stderr().strip());
            }
        } catch (RemoteException e) {
            throw new SwitchoverException(from + ": " + e.getMessage());
        }
        Instant deadline = Instant.now().plus(timeout);
        ClusterStatus now = before;
        while (Instant.now().isBefore(deadline)) {
            sleeper.sleep(Duration.ofSeconds(2));
            now = reader.read(config);
            if (now.healthy() && now.activeNode().filter(to::equals).isPresent()) {
                progress.accept(to + " holds the service");
                return now;
            }
            progress.accept("waiting: " + (now.degraded().isEmpty() ? "still on " + now.activeNode().orElse("no node")
                    : now.degraded().get(0)));
        }
        throw new SwitchoverException("the service did not reach " + to + " within " + timeout.toSeconds()
                + " s; last state:\n  - " + String.join("\n  - ", now.degraded()));
    }

    public static final class SwitchoverException extends Exception {
        public SwitchoverException(String message) {
            super(message);
        }
    }
}
