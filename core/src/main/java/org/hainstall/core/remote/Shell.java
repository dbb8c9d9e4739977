package org.hainstall.core.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A way to run commands on one node: over SSH from the workstation, or locally when hainstall runs on the node
 * (reconstruct). Steps only see this interface, so the plan can be tested without a network while each
 * implementation is tested against the real thing.
 */
public interface Shell extends AutoCloseable {

    /** Which node this shell reaches; used in every error message. */
    String nodeName();

    /**
     * Runs one command and waits for it. A non-zero exit is returned, not thrown: callers decide.
     * Output lines are passed to {@code output} as they arrive.
     *
     * @throws RemoteException when the command could not run to its end: connection lost, timeout (the remote
     *                         command is then killed), authentication or host-key failure
     */
    CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException;

    default CommandResult run(Command command, Duration timeout) throws RemoteException {
        return run(command, timeout, OutputListener.IGNORE);
    }

    /**
     * Runs a script written by our own code as one remote command, with {@code args} as its {@code $1}, {@code $2}…
     * (values travel only as arguments, never as script text). Shells that can feed standard input send the script
     * there, to {@code sh -s}, so it never appears on a command line; this default passes it as {@code sh -c}'s
     * argument, which any shell can run.
     */
    default CommandResult runScript(String script, List<String> args, Duration timeout, OutputListener output)
            throws RemoteException {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(args);
        return run(Command.of(argv), timeout, output);
    }

    /** The command that reads a script from standard input, with its arguments. */
    static Command scriptReader(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("sh", "-s", "--"));
        argv.addAll(args);
        return Command.of(argv);
    }

    /** Writes a file atomically: a temporary file beside it, the mode set, then a rename. */
    void upload(byte[] content, String remotePath, int mode) throws RemoteException;

    /**
     * Copies a file of this workstation to the node atomically (a DB2 install image: gigabytes). This default
     * reads the file whole; implementations that can stream (SSH/SFTP) should override it.
     */
    default void upload(java.nio.file.Path localFile, String remotePath, int mode) throws RemoteException {
        byte[] content;
        try {
            content = java.nio.file.Files.readAllBytes(localFile);
        } catch (java.io.IOException e) {
            throw new RemoteException(RemoteException.Kind.IO, "cannot read " + localFile + ": " + e.getMessage(), e);
        }
        upload(content, remotePath, mode);
    }

    @Override
    void close();
}
