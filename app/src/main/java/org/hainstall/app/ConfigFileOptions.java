package org.hainstall.app;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigOverrides;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE [--set PATH=VALUE]...}: the options every command that reads a config shares
 * (use it as a picocli {@code @Mixin}). {@link #load()} reads the file and applies the overrides in order.
 */
public final class ConfigFileOptions {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "The cluster config, YAML or JSON (see examples/cluster.yaml).")
    Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override one value, e.g. nodes[1].address=192.168.122.22 (repeatable; indexes count from 0; "
                    + "a list of text as a,b; an empty value removes the setting).")
    List<String> overrides = new ArrayList<>();

    private final ConfigLoader loader;
    private final ConfigOverrides configOverrides;

    @Inject
    ConfigFileOptions(ConfigLoader loader, ConfigOverrides configOverrides) {
        this.loader = loader;
        this.configOverrides = configOverrides;
    }

    public Path file() {
        return config;
    }

    public List<String> overrides() {
        return List.copyOf(overrides);
    }

    /** The config as the file says, with the --set overrides applied; malformed input is a ConfigException. */
    public ClusterConfig load() throws ConfigException {
        ClusterConfig fromFile = loader.load(config);
        return overrides.isEmpty() ? fromFile : configOverrides.apply(fromFile, overrides);
    }

    /**
     * As {@link #load()}, but unknown keys, duplicated keys and wrong types come back as problems beside the config
     * rather than as a ConfigException, which is left for unreadable or malformed text and a wrong --set.
     */
    public ConfigLoader.Result read() throws ConfigException {
        ConfigLoader.Result fromFile = loader.read(config);
        return overrides.isEmpty() ? fromFile
                : new ConfigLoader.Result(configOverrides.apply(fromFile.config(), overrides), fromFile.problems());
    }
}
