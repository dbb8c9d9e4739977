package org.hainstall.core.remote;

import java.time.Duration;

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

    /** Writes a file atomically: a temporary file beside it, the mode set, then a rename. */
    void upload(byte[] content, String remotePath, int mode) throws RemoteException;

    @Override
    void close();
}
