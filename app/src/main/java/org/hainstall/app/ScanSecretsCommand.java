package org.hainstall.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hainstall.core.secrets.SecretsException;
import org.hainstall.core.secrets.SecretsScan;
import org.hainstall.core.secrets.SecretsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hainstall scan-secrets}: after a run, proves no secret of the config's secrets folder reached the given
 * files (run folders, saved configs, reconstruct output, exported files, other nodes' seed ISOs). Exit 0 when clean,
 * 1 with one line per finding (file and which secret, never the value), 2 when there is no secrets folder to check.
 */
@Command(name = "scan-secrets", mixinStandardHelpOptions = true,
        description = "Search files and folders for any secret of the cluster's secrets folder or any private key, "
                + "and check the modes of the secrets folder and of log files.")
final class ScanSecretsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "The cluster's config file; its secrets folder lies beside it.")
    Path config;

    @Option(names = "--seed-iso", paramLabel = "NODE=FILE",
            description = "A node's seed ISO: it may hold that node's own host key and nothing else secret.")
    Map<String, Path> seedIsos = new LinkedHashMap<>();

    @Option(names = "--content-only", paramLabel = "PATH",
            description = "A file or folder hainstall did not write (a copy of its terminal output): searched, "
                    + "its modes not judged.")
    List<Path> contentOnly = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to search.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SecretsStore store = SecretsStore.besideConfig(config);
        if (!Files.isDirectory(store.folder())) {
            out.println("hainstall scan-secrets: no secrets folder " + store.folder() + " beside " + config);
            out.flush();
            return ExitCodes.BAD_CONFIG;
        }
        List<SecretsScan.Target> targets = new ArrayList<>();
        paths.forEach(p -> targets.add(SecretsScan.Target.of(p)));
        contentOnly.forEach(p -> targets.add(SecretsScan.Target.contentOnly(p)));
        seedIsos.forEach((node, iso) -> targets.add(SecretsScan.Target.seedIso(iso, node)));
        SecretsScan.Report report;
        try {
            report = SecretsScan.of(store).scan(targets);
        } catch (SecretsException | java.io.UncheckedIOException e) {
            out.println("hainstall scan-secrets: " + e.getMessage());
            out.flush();
            return ExitCodes.BAD_CONFIG;
        }
        report.findings().forEach(out::println);
        out.println(report.clean()
                ? "No secret found in " + report.filesScanned() + " file(s); modes are as they should be."
                : report.findings().size() + " finding(s) in " + report.filesScanned() + " file(s) scanned.");
        out.flush();
        return report.clean() ? ExitCodes.SUCCESS : ExitCodes.CHECK_FAILED;
    }
}
