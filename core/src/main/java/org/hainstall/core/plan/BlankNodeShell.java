package org.hainstall.core.plan;

import java.time.Duration;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * A node that does not exist yet, for {@code create --dry-run}: it answers the checks' read-only commands as a
 * blank Debian stub would ({@link BlankNodeFacts}) and contacts nothing. It refuses to write: a dry run changes
 * nothing, and a check that tried to write would be a bug worth hearing about.
 */
public final class BlankNodeShell implements Shell {
    private final ClusterConfig.Node node;
    private final BlankNodeFacts facts;

    public BlankNodeShell(ClusterConfig.Node node, BlankNodeFacts facts) {
        this.node = node;
        this.facts = facts;
    }

    @Override
    public String nodeName() {
        return node.name();
    }

    @Override
    public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
        CommandResult result = facts.answer(node, command).orElseThrow(() -> new RemoteException(
                RemoteException.Kind.IO, node.name() + " (not created yet): the offline plan has no answer for `"
                + command.line() + "` on a blank node; add one to BlankNodeFacts"));
        result.stdout().lines().forEach(l -> output.line(OutputListener.Stream.STDOUT, l));
        result.stderr().lines().forEach(l -> output.line(OutputListener.Stream.STDERR, l));
        return result;
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode) throws RemoteException {
        throw new RemoteException(RemoteException.Kind.IO, node.name() + " (not created yet): an offline plan "
                + "writes nothing, but a step tried to write " + remotePath);
    }

    @Override
    public void close() {
    }
}
