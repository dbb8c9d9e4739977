package org.hainstall.app;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigOverrides;

/** The strict loader of core/config and the --set overrides. */
final class CoreConfigSource implements ConfigSource {
    private final ConfigLoader loader;
    private final ConfigOverrides overrides;

    @Inject
    CoreConfigSource(ConfigLoader loader, ConfigOverrides overrides) {
        this.loader = loader;
        this.overrides = overrides;
    }

    @Override
    public ClusterConfig load(Path file, List<String> sets) throws BadConfigException {
        try {
            ClusterConfig config = loader.load(file);
            return sets.isEmpty() ? config : overrides.apply(config, sets);
        } catch (ConfigException e) {
            throw new BadConfigException("cannot load the config", e.problems());
        }
    }
}
