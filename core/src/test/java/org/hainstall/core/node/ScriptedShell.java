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
 * known command lines with captured output (the facts of a probe too), records what ran and what was written.
 * Nothing runs anywhere.
 */
public final class ScriptedShell implements Shell {
    private final String node;
    private final Map<String, CommandResult> answers = new HashMap<>();
    public final List<String> ran = new ArrayList<>();
    public final Map<String, String> uploads = new HashMap<>();
    /** How many probes (looks) reached this node: each is one remote command. */
    public int looks;

    public ScriptedShell(String node) {
        this.node = node;
    }

    public ScriptedShell answer(Command command, int exit, String stdout) {
        answers.put(command.line(), new CommandResult(exit, stdout, ""));
        return this;
    }

    /** Answers a fact's command. */
    public ScriptedShell answer(Fact fact, int exit, String stdout) {
        return answer(fact.command(), exit, stdout);
    }

    /** Answers a {@link Fact#file} or {@link Fact#digest} (give the digest as content); null is a missing file. */
    public ScriptedShell file(Fact fact, String mode, String content) {
        return content == null ? answer(fact, 3, "") : answer(fact, 0, mode + "\n" + content);
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

    /** A probe: each of its facts answered as {@link #run} answers the fact's command. */
    @Override
    public CommandResult runScript(String script, List<String> args, Duration timeout, OutputListener output)
            throws RemoteException {
        looks++;
        return new CommandResult(0, Probe.answer(script, args.get(0), c -> run(c, timeout, output)), "");
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode) {
        uploads.put(remotePath, new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
