package org.hainstall.app;

import com.google.inject.Inject;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code hainstall get PATH}: one value of a config, for scripts (same path syntax as problems and --set). */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Print one value of a config, e.g. nodes[1].address (for scripts).")
final class GetCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOptions configFile;

    @Parameters(paramLabel = "PATH", description = "e.g. heartbeat.udpPort, nodes[0].name")
    String path;

    @Spec
    CommandSpec spec;

    private final ConfigWriter writer;

    @Inject
    GetCommand(ConfigWriter writer) {
        this.writer = writer;
    }

    @Override
    public Integer call() {
        try {
            JsonNode node = JsonMapper.shared().readTree(writer.toJson(configFile.load()));
            for (String part : path.split("\\.")) {
                String name = part.replaceAll("\\[.*", "");
                node = node.path(name);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(part);
                while (m.find()) {
                    node = node.path(Integer.parseInt(m.group(1)));
                }
            }
            if (node.isMissingNode() || node.isNull()) {
                spec.commandLine().getErr().println("hainstall get: " + path + ": not set in " + configFile.file());
                return ExitCodes.CHECK_FAILED;
            }
            spec.commandLine().getOut().println(node.isValueNode() ? node.asString() : node.toString());
            return ExitCodes.SUCCESS;
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("hainstall get: " + configFile.file() + ": " + e.getMessage());
            return ExitCodes.BAD_CONFIG;
        }
    }
}
