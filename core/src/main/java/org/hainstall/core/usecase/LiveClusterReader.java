package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.reconstruct.NodePicker;
import org.hainstall.core.reconstruct.WorkstationSettings;
import org.hainstall.core.remote.HostKeyTrust;
import org.hainstall.core.remote.LocalShell;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.SshLogin;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshShell;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.remote.SshTarget;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshPublicKey;

/**
 * How {@code reconstruct} reaches a live node and reads it, for the command line and the wizard alike: this
 * machine ({@value #THIS_MACHINE}), a named node over SSH with its host key pinned — from a known config's secrets
 * folder, or from a fingerprint the admin gives (never trusted on first use) — or, with a config and no node named,
 * the node of that cluster that {@link NodePicker} chooses. Only read-only commands run on the node.
 */
public final class LiveClusterReader {
    /** The {@code --from} that reads the machine hainstall runs on (when it runs on a node itself). */
    public static final String THIS_MACHINE = "local";

    /**
     * Where to read: {@code from} names a node, or {@value #THIS_MACHINE}; null with a {@code known} config means
     * "that cluster's nodes". {@code known} is the config at {@code config}.
     */
    public record Target(String from, Path config, ClusterConfig known, String fingerprint, Path identity,
                         String user, int port) { }

    /** The shell of the node to read and, when hainstall chose it, which node that is and why. */
    public record Opened(Shell shell, Optional<NodePicker.Picked> picked) { }

    /** The target cannot be reached as given (bad options); nothing was contacted. */
    public static final class BadTargetException extends Exception {
        public BadTargetException(String message) {
            super(message);
        }
    }

    private final SshOptions ssh;

    @Inject
    public LiveClusterReader(SshOptions ssh) {
        this.ssh = ssh;
    }

    /** The workstation's part of the config (not on the nodes): the known config's, else the defaults. */
    public static WorkstationSettings workstation(ClusterConfig known, String managementAddress) {
        WorkstationSettings w = known == null ? WorkstationSettings.defaults()
                : new WorkstationSettings(known.management(), known.access(), known.provisioning(), known.packages(),
                        known.db2() == null ? null : known.db2().installImage());
        if (managementAddress != null) {
            Integer cbPort = w.management() == null ? Integer.valueOf(8740) : w.management().callbackPort();
            w = new WorkstationSettings(new ClusterConfig.Management(managementAddress, cbPort), w.access(),
                    w.provisioning(), w.packages(), w.db2InstallImage());
        }
        return w;
    }

    /**
     * The shell to read: this machine, a named node, or (a config and no {@code from}) the cluster's active node or
     * else the first that answers. Nothing local runs unless {@code from} is {@value #THIS_MACHINE}.
     */
    public Opened openAny(Target t, NodePicker.Look look) throws RemoteException, IOException, BadTargetException,
            NodePicker.NoNodeReadableException, InterruptedException {
        if (t.from() == null && t.known() != null) {
            NodePicker.Picked picked = new NodePicker(new SshShellFactory(SecretsStore.besideConfig(t.config()), ssh),
                    look).pick(t.known());
            return new Opened(picked.shell(), Optional.of(picked));
        }
        return new Opened(open(t), Optional.empty());
    }

    /** The node's shell: local, or SSH with pinned host keys (from the config's secrets or the fingerprint). */
    public Shell open(Target t) throws RemoteException, IOException, BadTargetException {
        if (t.from() == null) {
            throw new BadTargetException("name what to read: --config FILE reads that cluster's nodes, --from HOST "
                    + "one node, --from " + THIS_MACHINE + " this machine (when hainstall runs on a node)");
        }
        if (THIS_MACHINE.equals(t.from())) {
            String self = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            return new LocalShell(self, false, Path.of("/"));
        }
        if (t.known() != null) {
            Optional<ClusterConfig.Node> node = t.known().nodes().stream()
                    .filter(n -> t.from().equals(n.name()) || t.from().equals(n.address())).findFirst();
            if (node.isEmpty()) {
                throw new BadTargetException(t.from() + " is not a node of " + t.config());
            }
            return new SshShellFactory(SecretsStore.besideConfig(t.config()), ssh).open(t.known(), node.get());
        }
        if (t.fingerprint() == null || t.fingerprint().isBlank() || t.identity() == null) {
            throw new BadTargetException("reading " + t.from() + " without a config of its cluster needs its "
                    + "host-key fingerprint and your private key (hainstall never trusts a host key on first use)");
        }
        HostKeyTrust trust = new HostKeyTrust(new SecretsStore(Files.createTempDirectory("hainstall-trust")), ssh);
        SshPublicKey offered = trust.fetchHostKey(t.from(), t.port(), "ssh-ed25519");
        if (!offered.hasFingerprint(t.fingerprint().strip())) {
            throw new RemoteException(RemoteException.Kind.HOST_KEY, t.from() + ":" + t.port() + " offers host key "
                    + offered.fingerprint() + ", not the expected " + t.fingerprint().strip() + ", so nothing was "
                    + "sent to it; compare the key on the node's console and give the fingerprint it shows.");
        }
        return SshShell.connect(new SshTarget(t.from(), t.from(), t.port(), t.user(), t.identity(), offered,
                "--fingerprint"), ssh, SshLogin.keyFile(t.identity()));
    }
}
