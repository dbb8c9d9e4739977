package org.hainstall.core.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.transport.TransportException;

/**
 * Why a connection to a node could not be opened, as the one sentence the admin reads: the node, its address, what
 * happened and what to do next. The library's own wording stays out of it (it goes to the log with the cause).
 */
final class ConnectFailures {
    private ConnectFailures() {
    }

    /**
     * @param where   "node1 (10.0.0.1:22)", from {@link SshTarget#describe()}
     * @param host    the address, named when it does not resolve or route
     * @param port    the SSH port, named when nothing listens there
     * @param timeout the connect timeout that passed, named when the node did not answer
     */
    static RemoteException of(String where, String host, int port, Duration timeout, IOException e) {
        return new RemoteException(RemoteException.Kind.CONNECT, sentence(where, host, port, timeout, e), e);
    }

    static String sentence(String where, String host, int port, Duration timeout, IOException e) {
        if (has(e, UnknownHostException.class)) {
            return where + ": the address " + host + " does not resolve; correct the node's address in the config "
                    + "(nodes[].address) and run the command again.";
        }
        // Before "refused": Java reports an unreachable network and a TCP timeout as ConnectExceptions too.
        if (has(e, NoRouteToHostException.class) || messageHas(e, "unreachable")) {
            return where + " cannot be reached (no route to " + host + "); check the network between this machine "
                    + "and the node, then run the command again.";
        }
        if (has(e, SocketTimeoutException.class) || has(e, TimeoutException.class) || messageHas(e, "timed out")) {
            return where + " did not answer within " + timeout.toSeconds() + " s; check that the node is up and that "
                    + "the network and firewalls let this machine reach port " + port + ", then run the command again.";
        }
        if (has(e, ConnectException.class)) {
            return where + " refused the connection (nothing listens on port " + port + "); start the node or its "
                    + "SSH server, or correct access.port in the config, then run the command again.";
        }
        if (has(e, TransportException.class)) {
            return where + " closed the connection before the login; its SSH server's log (journalctl -u ssh on "
                    + "the node) says why; fix that, then run the command again.";
        }
        return "cannot connect to " + where + "; check that the node is up and reachable from this machine, then "
                + "run the command again.";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean messageHas(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }
}
