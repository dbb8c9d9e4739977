package org.hainstall.core.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * A stand-in node for the runner's and lock's tests: it keeps the lock folder and uploaded files in memory and
 * answers the lock's commands the way a Linux node does; other commands are answered by scripted handlers.
 * (The real Shell is tested against a real SSH server in core/remote.)
 */
final class InMemoryNodeShell implements Shell {
    private final String node;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, Long> mtimes = new ConcurrentHashMap<>();
    private final List<String> commands = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Command, CommandResult>> handlers = new ConcurrentHashMap<>();
    private volatile long nowSeconds = 1_000_000;
    private volatile boolean lockDir;

    InMemoryNodeShell(String node) {
        this.node = node;
    }

    /** Moves the node's clock on. */
    void advance(Duration d) {
        nowSeconds += d.toSeconds();
    }

    void answer(String commandLine, Function<Command, CommandResult> handler) {
        handlers.put(commandLine, handler);
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    String file(String path) {
        return files.get(path);
    }

    boolean lockPresent() {
        return lockDir;
    }

    @Override
    public String nodeName() {
        return node;
    }

    @Override
    public synchronized CommandResult run(Command command, Duration timeout, OutputListener output)
            throws RemoteException {
        String line = command.line();
        commands.add(line);
        if (line.equals(NodeLock.ACQUIRE.line())) {
            if (lockDir) {
                return new CommandResult(1, "", "mkdir: cannot create directory '/run/hainstall.lock': File exists\n");
            }
            lockDir = true;
            mtimes.put(NodeLock.DIR, nowSeconds);
            return new CommandResult(0, "", "");
        }
        if (line.equals(NodeLock.INSPECT.line())) {
            if (!lockDir) {
                return new CommandResult(0, "absent\n", "");
            }
            String owner = files.get(NodeLock.OWNER);
            long mtime = owner != null ? mtimes.get(NodeLock.OWNER) : mtimes.get(NodeLock.DIR);
            return new CommandResult(0, (owner == null ? "" : owner) + "age=" + (nowSeconds - mtime) + "\n", "");
        }
        if (line.equals(NodeLock.TOUCH.line())) {
            mtimes.put(NodeLock.OWNER, nowSeconds);
            return new CommandResult(0, "", "");
        }
        if (line.equals(NodeLock.REMOVE.line()) || line.startsWith("mv /run/hainstall.lock ")) {
            lockDir = false;
            files.remove(NodeLock.OWNER);
            return new CommandResult(0, "", "");
        }
        Function<Command, CommandResult> handler = handlers.get(line);
        if (handler != null) {
            CommandResult r = handler.apply(command);
            r.stdout().lines().forEach(l -> output.line(OutputListener.Stream.STDOUT, l));
            return r;
        }
        return new CommandResult(0, "", "");
    }

    @Override
    public synchronized void upload(byte[] content, String remotePath, int mode) {
        if (remotePath.startsWith(NodeLock.DIR + "/") && !lockDir) {
            throw new IllegalStateException("no folder " + NodeLock.DIR);
        }
        files.put(remotePath, new String(content, StandardCharsets.UTF_8));
        mtimes.put(remotePath, nowSeconds);
    }

    @Override
    public void close() {
    }
}
