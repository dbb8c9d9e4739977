package org.hainstall.ui.run;

import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;

/** A run the wizard asks for: {@code mode} is "create" or "modify"; {@code configFile} may be null if unsaved. */
public record RunRequest(ClusterConfig config, Path configFile, String mode, boolean dryRun) { }
