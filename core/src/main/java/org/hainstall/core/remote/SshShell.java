package org.hainstall.core.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.hainstall.core.secrets.SshPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's shell over SSH (sshj). One connection per node, reused for every command (one exec per session
 * channel); the host key must be the pinned one; the cluster's key authenticates; a non-root access user runs
 * every command through {@code sudo -n}. A command that outlives its timeout gets SIGTERM, then SIGKILL, then
 * its channel is closed — the caller gets {@link RemoteException.Kind#TIMEOUT}, never a hang.
 * If the connection dropped, the next command opens a new one (host key checked again).
 */
public final class SshShell implements Shell {
    private static final Logger LOG = LoggerFactory.getLogger(SshShell.class);
    private static final Map<Signal, Integer> SIGNAL_NUMBERS = Map.ofEntries(
            Map.entry(Signal.HUP, 1), Map.entry(Signal.INT, 2), Map.entry(Signal.QUIT, 3), Map.entry(Signal.ILL, 4),
            Map.entry(Signal.ABRT, 6), Map.entry(Signal.FPE, 8), Map.entry(Signal.KILL, 9),
            Map.entry(Signal.USR1, 10), Map.entry(Signal.SEGV, 11), Map.entry(Signal.USR2, 12),
            Map.entry(Signal.PIPE, 13), Map.entry(Signal.ALRM, 14), Map.entry(Signal.TERM, 15));

    private final SshTarget target;
    private final SshOptions options;
    private final SshLogin login;
    private final SecureRandom random = new SecureRandom();
    private volatile SSHClient client;
    private boolean closed;

    private SshShell(SshTarget target, SshOptions options, SshLogin login) {
        this.target = target;
        this.options = options;
        this.login = login;
    }

    /**
     * Connects with the cluster's key ({@link SshTarget#privateKeyFile()}), checks the host key against the pin
     * and authenticates; every failure is a clear error.
     */
    public static SshShell connect(SshTarget target, SshOptions options) throws RemoteException {
        return connect(target, options, SshLogin.clusterKey(target.privateKeyFile()));
    }

    /** Connects with another login: the administrator's own, for {@code hainstall trust}. */
    public static SshShell connect(SshTarget target, SshOptions options, SshLogin login) throws RemoteException {
        SshShell shell = new SshShell(target, options, login);
        shell.connection();
        return shell;
    }

    @Override
    public String nodeName() {
        return target.nodeName();
    }

    public SshTarget target() {
        return target;
    }

    @Override
    public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
        return execute(Sudo.wrap(command.line(), target.isRoot()), null, timeout, output);
    }

    /** The script goes to {@code sh -s} on standard input (through sudo for a non-root user). */
    @Override
    public CommandResult runScript(String script, List<String> args, Duration timeout, OutputListener output)
            throws RemoteException {
        return execute(Sudo.wrap(Shell.scriptReader(args).line(), target.isRoot()),
                script.getBytes(StandardCharsets.UTF_8), timeout, output);
    }

    /** Runs a command as the login user itself, without sudo (e.g. to edit that user's own authorized_keys). */
    public CommandResult runAsLoginUser(Command command, Duration timeout, OutputListener output)
            throws RemoteException {
        return execute(command.line(), null, timeout, output);
    }

    /**
     * Streams the content into {@code cat} on the node, writing a temporary file beside the target (so the
     * rename stays on one file system), sets its mode, then renames it over the target: a reader sees the old
     * file or the new one, never half of it. On any failure the temporary file is removed.
     */
    @Override
    public void upload(byte[] content, String remotePath, int mode) throws RemoteException {
        Command command = uploadCommand(remotePath, mode, tempName());
        CommandResult result = execute(Sudo.wrap(command.line(), target.isRoot()), content,
                options.uploadTimeout(), OutputListener.IGNORE);
        if (!result.ok()) {
            throw new RemoteException(RemoteException.Kind.IO, "uploading " + remotePath + " to "
                    + target.describe() + " failed with exit " + result.exitCode() + lastLine(result.stderr()));
        }
    }

    String tempName() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The upload command (package-private for its tests). */
    static Command uploadCommand(String remotePath, int mode, String tempSuffix) {
        if (!remotePath.startsWith("/") || remotePath.endsWith("/") || remotePath.contains("/../")
                || remotePath.endsWith("/..") || remotePath.contains("\0")) {
            throw new IllegalArgumentException("upload needs an absolute file path: " + remotePath);
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("not a file mode: " + Integer.toOctalString(mode));
        }
        int slash = remotePath.lastIndexOf('/');
        String dir = remotePath.substring(0, slash);
        String temp = dir + "/." + remotePath.substring(slash + 1) + ".hainstall-" + tempSuffix;
        String t = ShellQuote.quote(temp);
        String m = String.format("%04o", mode);
        return Command.raw("{ umask 077 && cat > " + t + " && chmod " + m + " " + t + " && mv -f " + t + " "
                + ShellQuote.quote(remotePath) + "; } || { rc=$?; rm -f " + t + "; exit $rc; }");
    }

    private CommandResult execute(String line, byte[] stdin, Duration timeout, OutputListener listener)
            throws RemoteException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Session session = openSession();
        Session.Command cmd;
        try {
            cmd = session.exec(line);
        } catch (ConnectionException | TransportException | IllegalStateException e) {
            closeQuietly(session);
            throw lost("could not start the command", e);
        }
        String threadBase = "ssh-" + target.nodeName();
        OutputDrainer out = OutputDrainer.start(cmd.getInputStream(), OutputListener.Stream.STDOUT, listener,
                threadBase + "-stdout");
        OutputDrainer err = OutputDrainer.start(cmd.getErrorStream(), OutputListener.Stream.STDERR, listener,
                threadBase + "-stderr");
        try {
            feed(cmd, stdin, threadBase);
            if (!awaitClose(cmd, deadline) || !out.await(deadline - System.nanoTime())
                    || !err.await(deadline - System.nanoTime())) {
                kill(cmd);
                throw new RemoteException(RemoteException.Kind.TIMEOUT, "command on " + target.describe()
                        + " did not finish within " + timeout + " and was killed: " + line);
            }
            IOException readFailure = out.failure() != null ? out.failure() : err.failure();
            if (readFailure != null) {
                throw lost("output could not be read", readFailure);
            }
            Integer status = cmd.getExitStatus();
            if (status == null && cmd.getExitSignal() != null) {
                status = 128 + SIGNAL_NUMBERS.getOrDefault(cmd.getExitSignal(), 127);
            }
            if (status == null) {
                throw lost("the command ended without an exit status", null);
            }
            return new CommandResult(status, out.text(), err.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(cmd);
            throw new RemoteException(RemoteException.Kind.IO, "interrupted while running a command on "
                    + target.describe(), e);
        } finally {
            closeQuietly(session);
        }
    }

    /**
     * A new session channel on the node's connection. When the connection turns out to be dead (the node
     * rebooted, the network dropped it), it is opened again once: nothing was run yet, so that is safe.
     */
    private Session openSession() throws RemoteException {
        for (int attempt = 1; ; attempt++) {
            SSHClient ssh = connection();
            try {
                return ssh.startSession();
            } catch (ConnectionException | TransportException | IllegalStateException e) {
                if (attempt > 1) {
                    throw lost("could not open a session", e);
                }
                forget(ssh);
            }
        }
    }

    private synchronized void forget(SSHClient dead) {
        if (client == dead) {
            closeQuietly(client);
            client = null;
        }
    }

    /** Sends stdin on its own thread (a stalled remote must not block our deadline); EOF at the end. */
    private static void feed(Session.Command cmd, byte[] stdin, String threadBase) {
        if (stdin == null) {
            try {
                cmd.getOutputStream().close();
            } catch (IOException ignored) {
                // The command may already be gone; its exit status tells the rest.
            }
            return;
        }
        Thread feeder = new Thread(() -> {
            try (OutputStream in = cmd.getOutputStream()) {
                in.write(stdin);
                in.flush();
            } catch (IOException ignored) {
                // Reported through the exit status (cat fails) or the lost channel.
            }
        }, threadBase + "-stdin");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** True when the channel closed; false when the deadline passed first; a lost connection throws. */
    private boolean awaitClose(Session.Command cmd, long deadline) throws RemoteException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !cmd.isOpen();
            }
            try {
                // Never 0: sshj reads a 0 timeout as "wait forever".
                cmd.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS);
                return true;
            } catch (ConnectionException e) {
                if (!isTimeout(e)) {
                    throw lost("the connection dropped while the command ran", e);
                }
                if (client == null || !client.isConnected()) {
                    throw lost("the connection dropped while the command ran", e);
                }
                // A timeout of sshj's wait: loop, the deadline decides.
            }
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** SIGTERM (sudo relays it to the command), a grace period, SIGKILL, then close the channel. */
    private void kill(Session.Command cmd) {
        try {
            cmd.signal(Signal.TERM);
            cmd.join(Math.max(1, options.killGrace().toMillis()), TimeUnit.MILLISECONDS);
        } catch (IOException ignored) {
            // Still open, or the signal is not supported: go on to SIGKILL and close.
        }
        try {
            if (cmd.isOpen()) {
                cmd.signal(Signal.KILL);
            }
        } catch (IOException ignored) {
            // Closing the channel below is the last resort.
        }
        closeQuietly(cmd);
    }

    private RemoteException lost(String what, Throwable cause) {
        return failed(new RemoteException(RemoteException.Kind.CONNECTION_LOST, "connection to " + target.describe()
                + " lost (" + what + "), so the command's effect is unknown; check that the node is up, then run the "
                + "command again: it checks before acting.", cause));
    }

    /** The admin reads the sentence; the library's account of it goes to the log only. */
    private static RemoteException failed(RemoteException e) {
        LOG.debug("{}", e.getMessage(), e.getCause());
        return e;
    }

    private synchronized SSHClient connection() throws RemoteException {
        if (closed) {
            throw new RemoteException(RemoteException.Kind.IO, "the shell of " + target.describe() + " is closed");
        }
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return client;
        }
        closeQuietly(client);
        client = null;
        client = open();
        return client;
    }

    private SSHClient open() throws RemoteException {
        DefaultConfig config = new DefaultConfig();
        // KEEP_ALIVE expects replies and drops a connection whose peer stopped answering.
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient ssh = new SSHClient(config);
        PinnedHostKeyVerifier verifier = new PinnedHostKeyVerifier(target.pinnedHostKey());
        ssh.addHostKeyVerifier(verifier);
        ssh.setConnectTimeout((int) options.connectTimeout().toMillis());
        ssh.getConnection().getKeepAlive().setKeepAliveInterval(
                (int) Math.max(1, options.keepAliveInterval().toSeconds()));
        try {
            ssh.connect(target.host(), target.port());
        } catch (IOException e) {
            closeQuietly(ssh);
            SshPublicKey offered = verifier.rejected();
            if (offered != null) {
                throw failed(hostKeyMismatch(offered, e));
            }
            throw failed(ConnectFailures.of(target.describe(), target.host(), target.port(),
                    options.connectTimeout(), e));
        }
        try {
            login.authenticate(ssh, target.user());
            return ssh;
        } catch (UserAuthException e) {
            closeQuietly(ssh);
            throw failed(new RemoteException(RemoteException.Kind.AUTHENTICATION, target.describe() + " refused the "
                    + "login of user '" + target.user() + "' with " + login.describe() + "; " + login.whenRefused()
                    + ".", e));
        } catch (TransportException e) {
            closeQuietly(ssh);
            throw failed(new RemoteException(RemoteException.Kind.CONNECT, target.describe() + " closed the "
                    + "connection during the login of user '" + target.user() + "'; its SSH server's log (journalctl "
                    + "-u ssh on the node) says why; fix that, then run the command again.", e));
        } catch (IOException e) {
            closeQuietly(ssh);
            throw failed(new RemoteException(RemoteException.Kind.AUTHENTICATION, "cannot log in to "
                    + target.describe() + " with " + login.describe() + " (" + e.getMessage() + "); check that "
                    + "file, then run the command again.", e));
        }
    }

    private RemoteException hostKeyMismatch(SshPublicKey offered, Throwable cause) {
        SshPublicKey pinned = target.pinnedHostKey();
        return new RemoteException(RemoteException.Kind.HOST_KEY, "host key of " + target.describe()
                + " does not match the pinned one (pinned " + pinned.fingerprint() + " " + pinned.type()
                + (target.pinSource() == null ? "" : " in " + target.pinSource()) + ", offered "
                + offered.fingerprint() + " " + offered.type() + "), so nothing was sent to it; if the node was "
                + "reinstalled, confirm its new key with `hainstall trust`, otherwise someone may "
                + "be intercepting the connection.", cause);
    }

    private static String lastLine(String stderr) {
        String trimmed = stderr == null ? "" : stderr.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        int nl = trimmed.lastIndexOf('\n');
        return ": " + (nl < 0 ? trimmed : trimmed.substring(nl + 1));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort; the error that led here is the one to report.
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(client);
        client = null;
    }

    @Override
    public String toString() {
        return "SshShell[" + target.describe() + " as " + target.user() + "]";
    }
}
