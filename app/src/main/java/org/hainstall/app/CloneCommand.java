package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hainstall.core.clone.CloneCheck;
import org.hainstall.core.clone.CloneProposer;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.config.Problem;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hainstall clone}: propose a second cluster from a first one on the same subnets (new names, addresses,
 * Heartbeat port, and new secrets in its own folder), or check an edited clone against its source.
 */
@Command(name = "clone", mixinStandardHelpOptions = true,
        description = "Propose a copy of a cluster (--name), or check a clone's config against its source (--config).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing shared that collides (warnings printed)", "1:the clone still shares what would "
                + "collide (each named) or is invalid",
                "2:unreadable config, a --name the config would refuse, or an existing output file; nothing written"})
final class CloneCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The source cluster's config.")
    Path from;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--name", paramLabel = "NAME", description = "Propose a clone with this cluster name.")
        String name;

        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Check this (edited) clone config.")
        Path config;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the proposal (default: NAME.yaml beside the source).")
    Path output;

    @Spec
    CommandSpec spec;

    private final ConfigLoader loader;
    private final ConfigWriter writer;
    private final ConfigValidator validator;

    @Inject
    CloneCommand(ConfigLoader loader, ConfigWriter writer, ConfigValidator validator) {
        this.loader = loader;
        this.writer = writer;
        this.validator = validator;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ClusterConfig source;
        ClusterConfig clone;
        Path cloneFile;
        try {
            source = loader.load(from);
            if (target.name != null) {
                // The config's own rule: a name accepted here must validate as cluster.name in the written clone.
                if (!ClusterConfig.ClusterInfo.isValidName(target.name)) {
                    spec.commandLine().getErr().println("hainstall clone: --name " + target.name + ": "
                            + ClusterConfig.ClusterInfo.NAME_RULE + "; nothing was written");
                    return ExitCodes.NOTHING_DONE;
                }
                clone = new CloneProposer().propose(source, target.name);
                cloneFile = output != null ? output : from.toAbsolutePath().resolveSibling(target.name + ".yaml");
                if (Files.exists(cloneFile)) {
                    spec.commandLine().getErr().println("hainstall clone: " + cloneFile + " exists; not overwritten");
                    return ExitCodes.NOTHING_DONE;
                }
                writer.write(clone, cloneFile);
                List<String> made = new SecretsGenerator(SecretsStore.besideConfig(cloneFile), new KeyGenerator())
                        .ensureGenerated(clone);
                out.println("wrote " + cloneFile + " and new secrets (" + String.join(", ", made) + ")");
            } else {
                cloneFile = target.config;
                clone = loader.load(cloneFile);
            }
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("hainstall clone: " + e.getMessage());
            e.problems().forEach(p -> spec.commandLine().getErr().println("  " + p));
            return ExitCodes.BAD_CONFIG;
        }
        List<Problem> problems = new ArrayList<>(validator.validate(clone));
        problems.addAll(new CloneCheck().check(source, secretsOf(from, source), clone, secretsOf(cloneFile, clone)));
        problems.forEach(p -> out.println("  " + p));
        boolean ok = problems.stream().noneMatch(Problem::isError);
        out.println(ok ? "the clone shares nothing with " + from + " that would collide"
                : "the clone is refused: fix the errors above");
        return ok ? ExitCodes.SUCCESS : ExitCodes.CHECK_FAILED;
    }

    /** The secrets that matter for a clone check, read from the folder beside a config (absent parts are null). */
    private static CloneCheck.SharedSecrets secretsOf(Path configFile, ClusterConfig config) {
        SecretsStore store = SecretsStore.besideConfig(configFile);
        if (!Files.isDirectory(store.folder())) {
            return null;
        }
        List<String> drbd = new ArrayList<>();
        config.replication().resources().forEach(r -> store.drbdSecret(r.name()).ifPresent(drbd::add));
        return new CloneCheck.SharedSecrets(store.heartbeatAuthKey().orElse(null), drbd);
    }
}
