package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.Problem;

/**
 * Loads a command's config and refuses to go on with an unreadable or invalid one: every problem is printed
 * (exit 2), and nothing touches a node.
 */
final class LoadedConfig {
    private final ConfigValidator validator;
    private final ProblemPrinter printer;

    @Inject
    LoadedConfig(ConfigValidator validator, ProblemPrinter printer) {
        this.validator = validator;
        this.printer = printer;
    }

    /** The valid config, or empty after printing why not. */
    Optional<ClusterConfig> load(ConfigFileOptions options, PrintWriter err) {
        String file = options.file().toString();
        ClusterConfig config;
        try {
            config = options.load();
        } catch (ConfigException e) {
            printer.print(err, file, false, e.problems(), false);
            return Optional.empty();
        }
        List<Problem> problems = validator.validate(config);
        if (problems.stream().anyMatch(Problem::isError)) {
            printer.print(err, file, true, problems, false);
            err.println("nothing was done: fix the config first");
            return Optional.empty();
        }
        return Optional.of(config);
    }
}
