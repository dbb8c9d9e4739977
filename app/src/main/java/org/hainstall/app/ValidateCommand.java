package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.Problem;
import org.hainstall.core.usecase.ValidateConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hainstall validate}: every problem of a config at once; touches no machine. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config file and print every problem (path, severity, code, message).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:valid (warnings are printed but do not fail)",
                "1:the config has errors (unknown keys and values of the wrong type included)",
                "2:the file is unreadable, too large or malformed, or a --set is wrong"})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOptions configFile;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ValidateConfig validator;
    private final ProblemPrinter printer;

    @Inject
    ValidateCommand(ValidateConfig validator, ProblemPrinter printer) {
        this.validator = validator;
        this.printer = printer;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String file = configFile.file().toString();
        ConfigLoader.Result read;
        try {
            read = configFile.read();
        } catch (ConfigException e) {
            printer.print(out, file, false, e.problems(), json);
            return ExitCodes.BAD_CONFIG;
        }
        // Unknown keys and wrong types are reported with every other problem, not instead of them.
        List<Problem> problems = validator.validate(read);
        printer.print(out, file, true, problems, json);
        return problems.stream().anyMatch(Problem::isError) ? ExitCodes.CHECK_FAILED : ExitCodes.SUCCESS;
    }
}
