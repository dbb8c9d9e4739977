package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.config.Problem;
import org.hainstall.core.reconstruct.NodeFactsFormat;
import org.hainstall.core.reconstruct.NodePicker;
import org.hainstall.core.reconstruct.Reconstruction;
import org.hainstall.core.reconstruct.SecretsReader;
import org.hainstall.core.reconstruct.WorkstationSettings;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.usecase.LiveClusterReader;
import org.hainstall.core.usecase.ReconstructCluster;
import org.hainstall.core.usecase.Sentences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hainstall reconstruct}: read a live cluster and write the config that recreates it. Which machine is read
 * is always said: {@code --config} alone reads that cluster's nodes (the active one, else the first that answers),
 * {@code --from HOST} one node, {@code --from local} the machine hainstall runs on. Only read-only commands run.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Read a live cluster and write the config that recreates it (everything but the data).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written; complete and valid", "1:written, but parts could not be read or it has problems "
                + "(each is listed)", "2:nothing written (bad options, no node could be read: each reason is given)"})
final class ReconstructCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The config to write.")
    Path output;

    @Option(names = "--from", paramLabel = "HOST",
            description = "Read this node over SSH (a node name of --config, or an address), or 'local': this "
                    + "machine (when hainstall runs on a node). Default with --config: that cluster's active node, "
                    + "else the first that answers.")
    String from;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "A config of the cluster whose secrets folder "
            + "holds the SSH key and pinned host keys; its workstation settings are kept in the output. Without "
            + "--from, its nodes are read.")
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
    private final ReconstructCluster reconstruct;

    @Inject
    ReconstructCommand(ConfigLoader loader, ConfigWriter writer, ConfigValidator validator,
                       ReconstructCluster reconstruct) {
        this.loader = loader;
        this.writer = writer;
        this.validator = validator;
        this.reconstruct = reconstruct;
    }

    /** The use case this command runs: core's, the one the wizard's reconstruct runs too. */
    ReconstructCluster useCase() {
        return reconstruct;
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
                return ExitCodes.BAD_CONFIG;
            }
        }
        WorkstationSettings workstation = LiveClusterReader.workstation(known, managementAddress);
        LiveClusterReader.Target target = new LiveClusterReader.Target(from, config, known, fingerprint, identity,
                user, port);
        LiveClusterReader.Opened opened;
        try {
            opened = reconstruct.open(target, withSecrets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("hainstall reconstruct: interrupted while reading the nodes; nothing was written");
            return ExitCodes.CANCELLED;
        } catch (NodePicker.NoNodeReadableException e) {
            err.println("hainstall reconstruct: no node of " + config + " could be read, so nothing was written:");
            e.reasons().forEach(reason -> err.println("  " + reason));
            return ExitCodes.NOTHING_DONE;
        } catch (RemoteException e) {
            err.println("hainstall reconstruct: " + Sentences.then(e.getMessage(), "nothing was written"));
            return ExitCodes.NOTHING_DONE;
        } catch (LiveClusterReader.BadTargetException e) {
            err.println("hainstall reconstruct: " + Sentences.then(e.getMessage(), "nothing was written"));
            return ExitCodes.NOTHING_DONE;
        }
        opened.picked().ifPresent(p -> {
            p.unread().forEach(reason -> out.println("not read: " + reason));
            out.println("reading " + p.node() + " (" + p.why() + ")");
        });
        ReconstructCluster.Read read;
        try (Shell shell = opened.shell()) {
            // one look at the node (taken already when the node was picked); with --with-secrets the same look
            // reads the shared secrets
            read = reconstruct.read(opened, workstation, withSecrets);
            if (dumpFacts != null) {
                Files.writeString(dumpFacts, NodeFactsFormat.write(read.facts()));
            }
        } catch (RemoteException e) {
            err.println("hainstall reconstruct: " + Sentences.then(e.getMessage(), "nothing was written"));
            return ExitCodes.NOTHING_DONE;
        }
        Reconstruction result = read.result();
        writer.write(result.config(), output);
        out.println("wrote " + output);
        if (read.secrets() != null) {
            writeSecrets(result.config(), read.secrets(), out);
        }
        for (String u : result.unreadable()) {
            out.println("  could not read: " + u);
        }
        List<Problem> problems = validator.validate(result.config());
        problems.forEach(p -> out.println("  " + p));
        boolean complete = result.unreadable().isEmpty() && problems.stream().noneMatch(Problem::isError);
        out.println(complete ? "the config is complete and valid" : "the config needs attention (see above)");
        return complete ? ExitCodes.SUCCESS : ExitCodes.CHECK_FAILED;
    }

    private void writeSecrets(ClusterConfig cfg, SecretsReader.ClusterSecrets secrets, PrintWriter out) {
        SecretsStore store = SecretsStore.besideConfig(output);
        List<String> made = reconstruct.writeSecrets(cfg, secrets, output);
        out.println("wrote " + store.folder() + " (" + secrets + (made.isEmpty() ? "" : "; generated "
                + String.join(", ", made)) + ")");
    }
}
