package org.hainstall.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.plan.NodeLock;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.Shell;

/**
 * A stand-in node for the command line's tests (SSH itself is tested against a real SSH server in core): it
 * records commands and uploads, keeps the node lock in memory and answers everything else with success.
 */
final class FakeNode implements Shell {
    private final String name;
    private final List<String> commands = new ArrayList<>();
    private final List<String> uploads = new ArrayList<>();
    private String lockOwner;
    private boolean lock;

    FakeNode(String name) {
        this.name = name;
    }

    /** Another run holds this node's lock, refreshed just now. */
    synchronized void lockedBy(String ownerFileContent) {
        lock = true;
        lockOwner = ownerFileContent;
    }

    synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    synchronized List<String> uploads() {
        return List.copyOf(uploads);
    }

    @Override
    public String nodeName() {
        return name;
    }

    @Override
    public synchronized CommandResult run(Command command, Duration timeout, OutputListener output) {
        String line = command.line();
        commands.add(line);
        if (line.equals(NodeLock.ACQUIRE.line())) {
            if (lock) {
                return new CommandResult(1, "", "File exists");
            }
            lock = true;
            return new CommandResult(0, "", "");
        } else if (line.equals(NodeLock.INSPECT.line())) {
            return new CommandResult(0, lock ? (lockOwner == null ? "" : lockOwner) + "age=0\n" : "absent\n", "");
        } else if (line.equals(NodeLock.REMOVE.line())) {
            lock = false;
            lockOwner = null;
        }
        output.line(OutputListener.Stream.STDOUT, "ran " + line);
        return new CommandResult(0, "", "");
    }

    @Override
    public synchronized void upload(byte[] content, String remotePath, int mode) {
        uploads.add(remotePath);
        if (remotePath.equals(NodeLock.OWNER)) {
            lockOwner = new String(content, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
    }
}
