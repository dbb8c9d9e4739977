package org.hainstall.core.node;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * A node's shell for tests of the steps (the remote part is tested against a real SSH server elsewhere): answers
 * known command lines with captured output, records what ran and what was written. Nothing runs anywhere.
 */
final class ScriptedShell implements Shell {
    private final String node;
    private final Map<String, CommandResult> answers = new HashMap<>();
    final List<String> ran = new ArrayList<>();
    final Map<String, String> uploads = new HashMap<>();

    ScriptedShell(String node) {
        this.node = node;
    }

    ScriptedShell answer(Command command, int exit, String stdout) {
        answers.put(command.line(), new CommandResult(exit, stdout, ""));
        return this;
    }

    @Override
    public String nodeName() {
        return node;
    }

    @Override
    public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
        ran.add(command.line());
        CommandResult r = answers.get(command.line());
        if (r == null) {
            throw new RemoteException(RemoteException.Kind.IO, "unscripted command: " + command.line());
        }
        return r;
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode) {
        uploads.put(remotePath, new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
