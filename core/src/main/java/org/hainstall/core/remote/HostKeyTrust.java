package org.hainstall.core.remote;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshPublicKey;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * First contact with a node hainstall did not create ({@code hainstall trust}):
 * <ol>
 *   <li>fetch the host key the node offers — the connection is dropped right after the key exchange, before
 *       any authentication, so nothing is sent to an unconfirmed host;</li>
 *   <li>compare it with the fingerprint the admin gave, or show it and ask; nothing is pinned without one of
 *       the two;</li>
 *   <li>pin it in the secrets folder's known_hosts;</li>
 *   <li>log in with the admin's existing login (host key now pinned) and add the cluster's public key to the
 *       access user's authorized_keys (once: a second run finds it there);</li>
 *   <li>log in with the cluster's key and run {@code true}, proving the next run will get in.</li>
 * </ol>
 */
public final class HostKeyTrust {
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(1);

    /** Asks the administrator whether the offered key is the node's. */
    @FunctionalInterface
    public interface Confirmation {
        /**
         * @param previous the key pinned so far, if any (then the node's key changed: say so loudly)
         * @return true only when the admin confirmed the fingerprint
         */
        boolean confirm(String node, String address, SshPublicKey offered, Optional<SshPublicKey> previous);
    }

    /** What trusting one node did. */
    public record Result(String node, String fingerprint, boolean pinChanged, boolean keyWasPresent) { }

    private static final Logger LOG = org.slf4j.LoggerFactory.getLogger(HostKeyTrust.class);

    private static final LoggerFactory QUIET = new LoggerFactory() {
        @Override
        public Logger getLogger(String name) {
            return NOPLogger.NOP_LOGGER;
        }

        @Override
        public Logger getLogger(Class<?> clazz) {
            return NOPLogger.NOP_LOGGER;
        }
    };

    private final SecretsStore store;
    private final SshOptions options;

    public HostKeyTrust(SecretsStore store, SshOptions options) {
        this.store = store;
        this.options = options;
    }

    /**
     * The host key a server offers, without authenticating or trusting it.
     *
     * @param preferredType the key type to ask for first ({@code ssh-ed25519} unless a pin says otherwise)
     */
    public SshPublicKey fetchHostKey(String host, int port, String preferredType) throws RemoteException {
        return fetchHostKey(host, host, port, preferredType);
    }

    /** As {@link #fetchHostKey(String, int, String)}, naming the node in a failure. */
    public SshPublicKey fetchHostKey(String node, String host, int port, String preferredType)
            throws RemoteException {
        KeyCapture capture = new KeyCapture(preferredType);
        DefaultConfig config = new DefaultConfig();
        // Refusing the key is how this fetch ends; sshj would log that as an error.
        config.setLoggerFactory(QUIET);
        SSHClient ssh = new SSHClient(config);
        ssh.addHostKeyVerifier(capture);
        ssh.setConnectTimeout((int) options.connectTimeout().toMillis());
        try {
            ssh.connect(host, port);
        } catch (IOException e) {
            if (capture.offered != null) {
                return capture.offered;
            }
            String where = node.equals(host) ? host + ":" + port : node + " (" + host + ":" + port + ")";
            RemoteException failure = ConnectFailures.of(where, host, port, options.connectTimeout(), e);
            LOG.debug("{}", failure.getMessage(), e);
            throw failure;
        } finally {
            try {
                ssh.close();
            } catch (IOException ignored) {
                // Only the key was wanted.
            }
        }
        throw new RemoteException(RemoteException.Kind.HOST_KEY, host + ":" + port + " was accepted without a "
                + "host key check; refusing to go on");
    }

    /**
     * Trusts one node: fetch, compare or confirm, pin, install the cluster's key, verify.
     *
     * @param expectedFingerprint the {@code --fingerprint} the admin gave ({@code SHA256:...}); empty to ask
     * @param login               the admin's own way into the access user's account
     * @param loginUser           the user that login belongs to; empty when it is the access user
     */
    public Result trust(ClusterConfig config, ClusterConfig.Node node, Optional<String> expectedFingerprint,
                        Confirmation confirmation, SshLogin login, Optional<String> loginUser)
            throws RemoteException {
        String accessUser = SshShellFactory.user(config);
        int port = SshShellFactory.port(config);
        Optional<SshPublicKey> previous = store.pinnedHostKey(node.name());
        String type = previous.map(SshPublicKey::type).orElse("ssh-ed25519");
        SshPublicKey offered = fetchHostKey(node.name(), node.address(), port, type);

        if (expectedFingerprint.isPresent()) {
            if (!offered.hasFingerprint(expectedFingerprint.get())) {
                throw new RemoteException(RemoteException.Kind.HOST_KEY, node.name() + " (" + node.address() + ":"
                        + port + ") offers host key " + offered.fingerprint() + " (" + offered.type()
                        + "), not the expected " + expectedFingerprint.get().strip() + ", so nothing was pinned; "
                        + "compare the key on the node's console (" + ClusterTrust.keygenCommand(offered) + ") and "
                        + "give the fingerprint it shows, or find out who answers at " + node.address() + ".");
            }
        } else if (!previous.map(offered::equals).orElse(false)
                && !confirmation.confirm(node.name(), node.address(), offered, previous)) {
            throw new RemoteException(RemoteException.Kind.HOST_KEY, "the host key " + offered.fingerprint()
                    + " of " + node.name() + " was not confirmed. Nothing was pinned.");
        }
        boolean changed = !previous.map(offered::equals).orElse(false);
        if (changed) {
            store.pin(node.name(), offered);
        }

        String keyLine = store.adminPublicKeyLine().orElseThrow(() -> new RemoteException(
                RemoteException.Kind.AUTHENTICATION, "the cluster has no admin SSH key in " + store.folder()
                + " to install on " + node.name()));
        String user = loginUser.orElse(accessUser);
        SshTarget adminTarget = new SshTarget(node.name(), node.address(), port, user, store.adminPrivateKeyFile(),
                offered, store.knownHostsFile().toString());
        boolean present;
        try (SshShell shell = SshShell.connect(adminTarget, options, login)) {
            Command install = installKeyCommand(keyLine, user.equals(accessUser) ? null : accessUser);
            CommandResult result = shell.runAsLoginUser(install, COMMAND_TIMEOUT, OutputListener.IGNORE);
            if (!result.ok()) {
                throw new RemoteException(RemoteException.Kind.IO, "installing the cluster's key for " + accessUser
                        + " on " + node.name() + " failed with exit " + result.exitCode() + ": "
                        + result.stderr().strip());
            }
            present = result.stdout().contains("present");
        }

        SshTarget clusterTarget = new SshTarget(node.name(), node.address(), port, accessUser,
                store.adminPrivateKeyFile(), offered, store.knownHostsFile().toString());
        try (SshShell shell = SshShell.connect(clusterTarget, options)) {
            CommandResult check = shell.runAsLoginUser(Command.of("true"), COMMAND_TIMEOUT, OutputListener.IGNORE);
            if (!check.ok()) {
                throw new RemoteException(RemoteException.Kind.IO, "logged in to " + node.name() + " with the "
                        + "cluster's key, but `true` failed with exit " + check.exitCode());
            }
        }
        return new Result(node.name(), offered.fingerprint(), changed, present);
    }

    /**
     * Adds the key to the user's authorized_keys unless it is there (matched on type and key, not comment).
     * Prints "present" or "installed". With {@code asUser}, runs through {@code sudo -n -H -u USER}.
     */
    static Command installKeyCommand(String keyLine, String asUser) {
        SshPublicKey key = SshPublicKey.parse(keyLine);
        String k = ShellQuote.quote(key.line());
        String line = ShellQuote.quote(keyLine);
        String script = "umask 077 && mkdir -p ~/.ssh && chmod 700 ~/.ssh && touch ~/.ssh/authorized_keys"
                + " && chmod 600 ~/.ssh/authorized_keys"
                + " && if grep -qF " + k + " ~/.ssh/authorized_keys; then echo present;"
                + " else printf '%s\\n' " + line + " >> ~/.ssh/authorized_keys && echo installed; fi";
        if (asUser == null) {
            return Command.raw(script);
        }
        return Command.of("sudo", "-n", "-H", "-u", asUser, "sh", "-c", script);
    }

    /** Records the offered key and refuses it, so the handshake stops before authentication. */
    private static final class KeyCapture implements HostKeyVerifier {
        private final String preferredType;
        private volatile SshPublicKey offered;

        KeyCapture(String preferredType) {
            this.preferredType = preferredType;
        }

        @Override
        public boolean verify(String hostname, int port, PublicKey key) {
            offered = SshKeys.fromJava(key);
            return false;
        }

        @Override
        public List<String> findExistingAlgorithms(String hostname, int port) {
            return SshKeys.algorithmsFor(preferredType);
        }
    }
}
