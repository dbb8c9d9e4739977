package org.hainstall.app;

import com.google.inject.Inject;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ConfigSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hainstall schema}: the config's JSON Schema, for editors (e.g. {@code hainstall schema > cluster.schema.json}). */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of the config file, so editors can check and complete it.")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final ConfigSchema schema;

    @Inject
    SchemaCommand(ConfigSchema schema) {
        this.schema = schema;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(schema.json());
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }
}
