package org.hainstall.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.hainstall.core.config.Quote;
import picocli.CommandLine;

/**
 * The last line of defence: an exception no command expected (a bug) reaches the admin as one line naming where the
 * details are, never as a stack trace; the trace goes to {@link #log}, a file only its owner can read. The exit
 * status is {@link ExitCodes#INTERNAL_ERROR}, so a script never reads a crash as "the config has errors" (1).
 */
final class InternalErrorGuard implements CommandLine.IExecutionExceptionHandler {
    private final Path log;

    InternalErrorGuard(Path log) {
        this.log = log;
    }

    /** {@code $XDG_STATE_HOME/hainstall/hainstall.log}, else {@code ~/.local/state/hainstall/hainstall.log}. */
    static Path defaultLog() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("hainstall").resolve("hainstall.log");
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        report(e, cli.getCommandName(), cli.getErr());
        return ExitCodes.INTERNAL_ERROR;
    }

    /** Writes the trace to the log and one line to {@code err}. */
    void report(Throwable e, String command, PrintWriter err) {
        String where;
        try {
            append(e, command);
            where = "the details are in " + log;
        } catch (IOException | RuntimeException failed) {
            where = "its details could not be written to " + log + " (" + Quote.escape(failed.getMessage()) + ")";
        }
        err.println("hainstall" + (command.isEmpty() ? "" : " " + command) + ": internal error (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + Quote.escape(e.getMessage())) + "); nothing more was done; "
                + where + ". This is a bug in hainstall, not in your input: please report it with that file.");
        err.flush();
    }

    private void append(Throwable e, String command) throws IOException {
        Files.createDirectories(log.getParent(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        if (!Files.exists(log)) {
            Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Files.writeString(log, Instant.now() + " hainstall " + command + ": internal error\n" + trace + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
