package org.hainstall.app;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.reconstruct.ConfigNormalizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hainstall diff A B}: do two configs describe the same cluster? */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two configs section by section, e.g. a reconstructed one with the original.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the same", "1:different (each difference is printed)", "2:a file is unreadable"})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A")
    Path a;

    @Parameters(index = "1", paramLabel = "B")
    Path b;

    @Option(names = "--normalize", description = "Ignore what a cluster cannot show about itself: the workstation's "
            + "sections, MACs, the description, which node held the valid data first, initialSync.")
    boolean normalize;

    @Spec
    CommandSpec spec;

    private final ConfigLoader loader;

    @Inject
    DiffCommand(ConfigLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() {
        ClusterConfig x;
        ClusterConfig y;
        try {
            x = loader.load(a);
            y = loader.load(b);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("hainstall diff: " + e.getMessage());
            return 2;
        }
        List<String> differences = normalize ? ConfigNormalizer.differences(x, y)
                : (x.equals(y) ? List.of() : List.of("the configs differ (try --normalize for a section report)"));
        differences.forEach(spec.commandLine().getOut()::println);
        if (differences.isEmpty()) {
            spec.commandLine().getOut().println("same cluster" + (normalize ? " (normalised)" : ""));
        }
        return differences.isEmpty() ? 0 : 1;
    }
}
