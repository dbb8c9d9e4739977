package org.hainstall.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;

/** Opening and saving config files; the wizard's only door to the disk for configs. */
public interface ConfigFiles {
    ClusterConfig load(Path file) throws IOException;

    void save(Path file, ClusterConfig config) throws IOException;

    /** The YAML text that {@link #save} would write: the review page shows it. */
    String toYaml(ClusterConfig config);
}
