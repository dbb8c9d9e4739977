package org.hainstall.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.config.Problem;

/**
 * Config files through core: the strict loader (unknown and repeated keys refused, problems with line and column)
 * and the writer the command line uses, so the wizard reads and writes exactly what {@code hainstall} does.
 */
public final class CoreConfigFiles implements ConfigFiles {
    // Made on first use: their YAML and JSON machinery is not needed for the wizard's first window.
    private ConfigLoader loader;
    private ConfigWriter writer;

    private synchronized ConfigLoader loader() {
        if (loader == null) {
            loader = new ConfigLoader();
        }
        return loader;
    }

    private synchronized ConfigWriter writer() {
        if (writer == null) {
            writer = new ConfigWriter();
        }
        return writer;
    }

    @Override
    public ClusterConfig load(Path file) throws IOException {
        try {
            return loader().load(file);
        } catch (ConfigException e) {
            StringBuilder sb = new StringBuilder(file.toString()).append(':');
            for (Problem p : e.problems()) {
                sb.append("\n  ").append(p.path()).append(": ").append(p.message());
            }
            throw new IOException(sb.toString(), e);
        }
    }

    @Override
    public void save(Path file, ClusterConfig config) throws IOException {
        writer().write(config, file); // temp file + rename: a crash mid-write never leaves half a config
    }

    @Override
    public String toYaml(ClusterConfig config) {
        return writer().toYaml(config);
    }
}
