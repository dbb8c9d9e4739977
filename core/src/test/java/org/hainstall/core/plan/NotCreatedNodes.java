package org.hainstall.core.plan;

import java.time.Duration;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/**
 * For the dry-run report's tests: nodes that do not exist yet answer the test steps' few fact commands as a fresh
 * Debian stub would (no packages, no files, no LVM), fail any other command naming it, and refuse every upload.
 */
final class NotCreatedNodes implements ShellFactory {
    @Override
    public Shell open(org.hainstall.core.config.ClusterConfig config, org.hainstall.core.config.ClusterConfig.Node node) {
        return new Shell() {
            @Override
            public String nodeName() {
                return node.name();
            }

            @Override
            public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
                String line = command.line();
                if (line.equals("uname -n")) {
                    return new CommandResult(0, node.name() + "\n", "");
                }
                if (line.startsWith("dpkg-query ")) {
                    return new CommandResult(1, "", "dpkg-query: no packages found matching the given name\n");
                }
                if (line.startsWith("cat ")) {
                    return new CommandResult(1, "", "cat: No such file or directory\n");
                }
                if (line.startsWith("vgs ")) {
                    return new CommandResult(127, "", "sh: command not found\n");
                }
                throw new RemoteException(RemoteException.Kind.IO, node.name() + " (not created yet): the test node "
                        + "has no answer for `" + line + "`");
            }

            @Override
            public void upload(byte[] content, String remotePath, int mode) throws RemoteException {
                throw new RemoteException(RemoteException.Kind.IO, node.name() + " (not created yet): a dry run "
                        + "writes nothing, but a step tried to write " + remotePath);
            }

            @Override
            public void close() {
            }
        };
    }
}
