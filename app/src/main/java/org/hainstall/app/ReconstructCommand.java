package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.config.Problem;
import org.hainstall.core.reconstruct.ConfigAssembler;
import org.hainstall.core.reconstruct.FactsCollector;
import org.hainstall.core.reconstruct.NodeFacts;
import org.hainstall.core.reconstruct.NodeFactsFormat;
import org.hainstall.core.reconstruct.Reconstruction;
import org.hainstall.core.reconstruct.SecretsReader;
import org.hainstall.core.reconstruct.WorkstationSettings;
import org.hainstall.core.remote.HostKeyTrust;
import org.hainstall.core.remote.LocalShell;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshShell;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.remote.SshTarget;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshPublicKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hainstall reconstruct}: read a live cluster (on a node, or from the workstation over SSH) and write the
 * config that recreates it. Only read-only commands run on the node.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Read a live cluster and write the config that recreates it (everything but the data).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written; complete and valid", "1:written, but parts could not be read or it has problems "
                + "(each is listed)", "2:nothing written (bad options, unreachable node)"})
final class ReconstructCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The config to write.")
    Path output;

    @Option(names = "--from", paramLabel = "HOST",
            description = "Read this node over SSH (a node name of --config, or an address). Default: this machine.")
    String from;

    @Option(names = "--config", paramLabel = "FILE", description = "A config of the cluster whose secrets folder "
            + "holds the SSH key and pinned host keys; its workstation settings are kept in the output.")
    Path config;

    @Option(names = "--fingerprint", paramLabel = "SHA256:…",
            description = "Without --config: the host-key fingerprint --from must show.")
    String fingerprint;

    @Option(names = "--identity", paramLabel = "FILE", description = "Without --config: your private key for --from.")
    Path identity;

    @Option(names = "--user", defaultValue = "root", description = "Without --config: the login user.")
    String user;

    @Option(names = "--port", defaultValue = "22", description = "Without --config: the SSH port.")
    int port;

    @Option(names = "--management-address", paramLabel = "ADDRESS",
            description = "Where the nodes of a new cluster call back (default: this workstation as the node sees it).")
    String managementAddress;

    @Option(names = "--with-secrets", description = "Also write the secrets folder beside the output (0700, files "
            + "0600): the cluster's Heartbeat auth key and DRBD secrets, a new admin key and new node host keys.")
    boolean withSecrets;

    @Option(names = "--dump-facts", paramLabel = "FILE", description = "Also save the raw facts read (for support "
            + "and tests; DRBD secrets masked).")
    Path dumpFacts;

    @Spec
    CommandSpec spec;

    private final ConfigLoader loader;
    private final ConfigWriter writer;
    private final ConfigValidator validator;

    @Inject
    ReconstructCommand(ConfigLoader loader, ConfigWriter writer, ConfigValidator validator) {
        this.loader = loader;
        this.writer = writer;
        this.validator = validator;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterConfig known = null;
        if (config != null) {
            try {
                known = loader.load(config);
            } catch (ConfigException e) {
                err.println("hainstall reconstruct: " + config + ": " + e.getMessage() + " (nothing was done)");
                return 2;
            }
        }
        WorkstationSettings workstation = known == null ? WorkstationSettings.defaults()
                : new WorkstationSettings(known.management(), known.access(), known.provisioning(), known.packages(),
                        known.db2() == null ? null : known.db2().installImage());
        if (managementAddress != null) {
            Integer cbPort = workstation.management() == null ? Integer.valueOf(8740)
                    : workstation.management().callbackPort();
            workstation = new WorkstationSettings(new ClusterConfig.Management(managementAddress, cbPort),
                    workstation.access(), workstation.provisioning(), workstation.packages(),
                    workstation.db2InstallImage());
        }
        Reconstruction result;
        SecretsReader.ClusterSecrets secrets = null;
        try (Shell shell = open(known, err)) {
            if (shell == null) {
                return 2;
            }
            NodeFacts facts = new FactsCollector(shell).collect();
            if (dumpFacts != null) {
                Files.writeString(dumpFacts, NodeFactsFormat.write(facts));
            }
            result = ConfigAssembler.assemble(facts, workstation);
            if (withSecrets) {
                secrets = new SecretsReader().read(shell);
            }
        } catch (RemoteException e) {
            err.println("hainstall reconstruct: " + e.getMessage() + " (nothing was written)");
            return 2;
        }
        writer.write(result.config(), output);
        out.println("wrote " + output);
        if (secrets != null) {
            writeSecrets(result.config(), secrets, out);
        }
        for (String u : result.unreadable()) {
            out.println("  could not read: " + u);
        }
        List<Problem> problems = validator.validate(result.config());
        problems.forEach(p -> out.println("  " + p));
        boolean complete = result.unreadable().isEmpty() && problems.stream().noneMatch(Problem::isError);
        out.println(complete ? "the config is complete and valid" : "the config needs attention (see above)");
        return complete ? 0 : 1;
    }

    private void writeSecrets(ClusterConfig cfg, SecretsReader.ClusterSecrets secrets, PrintWriter out) {
        SecretsStore store = SecretsStore.besideConfig(output);
        secrets.heartbeatAuthKey().ifPresent(store::writeHeartbeatAuthKey);
        secrets.drbdSecrets().forEach(store::writeDrbdSecret);
        // New machines get a new admin key and new host keys; the shared secrets above are the cluster's own.
        List<String> made = new SecretsGenerator(store, new KeyGenerator()).ensureGenerated(cfg);
        out.println("wrote " + store.folder() + " (" + secrets + (made.isEmpty() ? "" : "; generated "
                + String.join(", ", made)) + ")");
    }

    /** The node's shell: local, or SSH with pinned host keys (from --config's secrets or --fingerprint). */
    private Shell open(ClusterConfig known, PrintWriter err) throws RemoteException, java.io.IOException {
        if (from == null) {
            String self = new String(Files.readAllBytes(Path.of("/proc/sys/kernel/hostname").toAbsolutePath()))
                    .strip();
            return new LocalShell(self, false, Path.of("/"));
        }
        if (known != null) {
            Optional<ClusterConfig.Node> node = known.nodes().stream()
                    .filter(n -> from.equals(n.name()) || from.equals(n.address())).findFirst();
            if (node.isEmpty()) {
                err.println("hainstall reconstruct: " + from + " is not a node of " + config);
                return null;
            }
            return new SshShellFactory(SecretsStore.besideConfig(config), SshOptions.DEFAULTS).open(known, node.get());
        }
        if (fingerprint == null || identity == null) {
            err.println("hainstall reconstruct: --from without --config needs --fingerprint and --identity "
                    + "(hainstall never trusts a host key on first use)");
            return null;
        }
        HostKeyTrust trust = new HostKeyTrust(new SecretsStore(Files.createTempDirectory("hainstall-trust")),
                SshOptions.DEFAULTS);
        SshPublicKey offered = trust.fetchHostKey(from, port, "ssh-ed25519");
        if (!offered.hasFingerprint(fingerprint)) {
            throw new RemoteException(RemoteException.Kind.HOST_KEY, from + " shows host key " + offered.fingerprint()
                    + ", not the expected " + fingerprint + "; refusing to connect");
        }
        return SshShell.connect(new SshTarget(from, from, port, user, identity, offered, "--fingerprint"),
                SshOptions.DEFAULTS);
    }
}
