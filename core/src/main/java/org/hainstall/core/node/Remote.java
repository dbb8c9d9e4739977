package org.hainstall.core.node;

import java.time.Duration;
import java.util.List;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * Reading facts from a node and running a change's actions on a given node's shell. Fact-reading commands never
 * forward their output to the run's events: some (a DRBD resource file, authkeys) carry secrets.
 */
public final class Remote {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final StepId step;
    private final Shell shell;

    public Remote(StepId step, Shell shell) {
        this.step = step;
        this.shell = shell;
    }

    public String node() {
        return shell.nodeName();
    }

    /** Runs a read-only command; the caller interprets the exit code. */
    public CommandResult probe(Command command) throws StepException {
        try {
            return shell.run(command, READ_TIMEOUT, OutputListener.IGNORE);
        } catch (RemoteException e) {
            throw new StepException(step, "on " + shell.nodeName() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a read-only command that must succeed; a non-zero exit is a failure, its output never parsed. */
    public String read(Command command) throws StepException {
        CommandResult r = probe(command);
        if (!r.ok()) {
            throw new StepException(step, "on " + shell.nodeName() + ": " + command.line() + " failed with exit "
                    + r.exitCode() + lastLine(r.stderr()));
        }
        return r.stdout();
    }

    /**
     * Prints a file, exit 3 when it does not exist. One {@code sh -c} with the path as an argument, so a sudo
     * wrapper applies to the whole and the path is never shell text.
     */
    public static Command readFileCommand(String path) {
        return Command.of("sh", "-c", "test -e \"$1\" || exit 3; cat -- \"$1\"", "sh", path);
    }

    /** Exit 0 when the directory is missing or empty. */
    public static Command emptyDirCommand(String path) {
        return Command.of("sh", "-c", "test -z \"$(ls -A -- \"$1\" 2>/dev/null)\"", "sh", path);
    }

    /** A file's content, or null when it does not exist. Never logged (it may be a secret). */
    public String fileOrNull(String path) throws StepException {
        CommandResult r = probe(readFileCommand(path));
        if (r.exitCode() == 3) {
            return null;
        }
        if (!r.ok()) {
            throw new StepException(step, "on " + shell.nodeName() + ": cannot read " + path + lastLine(r.stderr()));
        }
        return r.stdout();
    }

    /** A file's mode as octal digits ("600"), or null when it does not exist. */
    public String modeOrNull(String path) throws StepException {
        CommandResult r = probe(Command.of("stat", "-c", "%a", path));
        return r.ok() ? r.stdout().strip() : null;
    }

    /** Runs a change's actions in order, output forwarded; the first failure stops. */
    public void execute(List<Action> actions, OutputListener output) throws StepException {
        for (Action action : actions) {
            try {
                if (action instanceof Action.Run run) {
                    CommandResult r = shell.run(run.command(), run.timeout(), output);
                    if (!r.ok()) {
                        throw new StepException(step, "on " + shell.nodeName() + ": command failed with exit "
                                + r.exitCode() + ": " + run.command().line() + lastLine(r.stderr()));
                    }
                } else if (action instanceof Action.WriteFile file) {
                    shell.upload(file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8), file.path(),
                            file.mode());
                }
            } catch (RemoteException e) {
                throw new StepException(step, "on " + shell.nodeName() + ": " + e.getMessage(), e);
            }
        }
    }

    public Shell shell() {
        return shell;
    }

    static String lastLine(String stderr) {
        String t = stderr == null ? "" : stderr.strip();
        if (t.isEmpty()) {
            return "";
        }
        int nl = t.lastIndexOf('\n');
        return " — " + (nl < 0 ? t : t.substring(nl + 1));
    }
}
