package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.Problem;
import org.hainstall.core.usecase.CloneCluster;
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

    private final CloneCluster clone;

    @Inject
    CloneCommand(CloneCluster clone) {
        this.clone = clone;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterConfig source;
        ClusterConfig copy;
        Path cloneFile;
        try {
            if (target.name != null) {
                CloneCluster.Proposal proposal = clone.proposeToFile(from, target.name, output);
                source = proposal.source();
                copy = proposal.copy();
                cloneFile = proposal.file();
                out.println("wrote " + cloneFile + " and new secrets (" + String.join(", ", proposal.madeSecrets())
                        + ")");
            } else {
                source = clone.load(from);
                cloneFile = target.config;
                copy = clone.load(cloneFile);
            }
        } catch (CloneCluster.RefusedException e) {
            err.println("hainstall clone: " + e.getMessage());
            return ExitCodes.NOTHING_DONE;
        } catch (ConfigException e) {
            err.println("hainstall clone: " + e.getMessage());
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.BAD_CONFIG;
        }
        List<Problem> problems = clone.check(source, from, copy, cloneFile);
        problems.forEach(p -> out.println("  " + p));
        boolean ok = problems.stream().noneMatch(Problem::isError);
        out.println(ok ? "the clone shares nothing with " + from + " that would collide"
                : "the clone is refused: fix the errors above");
        return ok ? ExitCodes.SUCCESS : ExitCodes.CHECK_FAILED;
    }
}
