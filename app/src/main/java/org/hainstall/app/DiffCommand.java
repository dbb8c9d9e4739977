package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
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
        description = "Compare two configs value by value (printed as the config writes them), e.g. a "
                + "reconstructed one with the original.",
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

    @Option(names = "--json", description = "Print the differences as JSON: [{\"path\", \"a\", \"b\"}], null where a "
            + "config has no such value.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ConfigLoader loader;
    private final ConfigValues values = new ConfigValues();

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
            return ExitCodes.BAD_CONFIG;
        }
        List<ConfigValues.Difference> differences = normalize
                ? values.differences(ConfigNormalizer.forComparison(x), ConfigNormalizer.forComparison(y))
                : values.differences(x, y);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(differences));
        } else {
            differences.forEach(d -> out.println(d.line()));
            out.println(differences.isEmpty() ? "same cluster" + (normalize ? " (normalised)" : "")
                    : differences.size() + (differences.size() == 1 ? " difference" : " differences")
                    + (normalize ? " (normalised)" : "") + " between " + a + " and " + b);
        }
        return differences.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.CHECK_FAILED;
    }

    private static String toJson(List<ConfigValues.Difference> differences) {
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ArrayNode list = mapper.createArrayNode();
        for (ConfigValues.Difference d : differences) {
            list.addObject().put("path", d.path()).put("a", d.a()).put("b", d.b());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(list);
    }
}
