package org.hainstall.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.reconstruct.WorkstationSettings;
import org.hainstall.core.remote.HostKeyTrust;
import org.hainstall.core.remote.LocalShell;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshShell;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.remote.SshTarget;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshPublicKey;

/**
 * How {@code reconstruct} reaches a live node and reads it, for the command line and the wizard alike: this
 * machine, or a node over SSH with its host key pinned — from a known config's secrets folder, or from a
 * fingerprint the admin gives (never trusted on first use). Only read-only commands run on the node.
 */
final class LiveClusterReader {
    /** Where to read: {@code from} null means this machine; {@code known} is the config at {@code config}. */
    record Target(String from, Path config, ClusterConfig known, String fingerprint, Path identity, String user,
                  int port) { }

    /** The target cannot be reached as given (bad options); nothing was contacted. */
    static final class BadTargetException extends Exception {
        BadTargetException(String message) {
            super(message);
        }
    }

    private final SshOptions ssh;

    LiveClusterReader(SshOptions ssh) {
        this.ssh = ssh;
    }

    /** The workstation's part of the config (not on the nodes): the known config's, else the defaults. */
    static WorkstationSettings workstation(ClusterConfig known, String managementAddress) {
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

    /** The node's shell: local, or SSH with pinned host keys (from the config's secrets or the fingerprint). */
    Shell open(Target t) throws RemoteException, IOException, BadTargetException {
        if (t.from() == null) {
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
            throw new RemoteException(RemoteException.Kind.HOST_KEY, t.from() + " shows host key "
                    + offered.fingerprint() + ", not the expected " + t.fingerprint() + "; refusing to connect");
        }
        return SshShell.connect(new SshTarget(t.from(), t.from(), t.port(), t.user(), t.identity(), offered,
                "--fingerprint"), ssh);
    }
}
