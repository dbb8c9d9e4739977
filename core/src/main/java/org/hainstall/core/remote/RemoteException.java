package org.hainstall.core.remote;

/** A command could not run to its end on a node. The message names the node and what happened. */
public class RemoteException extends Exception {
    public enum Kind { CONNECT, AUTHENTICATION, HOST_KEY, TIMEOUT, CONNECTION_LOST, IO }

    private final Kind kind;

    public RemoteException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public RemoteException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
