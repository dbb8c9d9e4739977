package org.hainstall.app;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.Probe;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;
import org.hainstall.core.usecase.ShellsSource;
import org.hainstall.core.workflow.NodeStepCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hainstall probe}: takes the look {@code modify} takes at each node before deciding (one read-only remote
 * command per node) and keeps what it saw, one file per node: what a step decided from, and the lab's test fixtures.
 * Files holding secrets are read as digests only, so the output holds no secret.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Read every fact modify decides from on each node (one read-only command per node) and write"
                + " them to DIR/NODE.probe.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every node read", "1:a node could not be read", "2:bad config"})
final class ProbeCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOptions configFile;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the NODE.probe files go.")
    Path output;

    @Spec
    CommandSpec spec;

    private final LoadedConfig loader;
    private final ShellsSource ssh;

    @Inject
    ProbeCommand(LoadedConfig loader, ShellsSource ssh) {
        this.loader = loader;
        this.ssh = ssh;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterConfig> config = loader.load(configFile, err);
        if (config.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        if (!Files.isDirectory(output)) {
            Files.createDirectories(output, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        ShellFactory shells = ssh.forConfig(configFile.file());
        int exit = ExitCodes.SUCCESS;
        for (ClusterConfig.Node node : config.get().nodes()) {
            Probe probe = NodeStepCatalog.probe(config.get(), node.name());
            try (Shell shell = shells.open(config.get(), node)) {
                Map<String, CommandResult> results = probe.run(shell);
                Path file = output.resolve(node.name() + ".probe");
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Probe.text(results));
                out.println(node.name() + ": " + results.size() + " facts in one remote command, written to " + file);
            } catch (RemoteException e) {
                err.println("hainstall probe: " + node.name() + ": " + e.getMessage());
                exit = ExitCodes.STEP_FAILED;
            }
        }
        return exit;
    }
}
