package org.hainstall.app;

import java.nio.file.Path;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;

/**
 * Reads a config file and applies {@code --set path=value} overrides. Wired to core's ConfigLoader and
 * ConfigOverrides (see AppModule); validation is not its job.
 */
interface ConfigSource {
    ClusterConfig load(Path file, List<String> overrides) throws BadConfigException;
}
