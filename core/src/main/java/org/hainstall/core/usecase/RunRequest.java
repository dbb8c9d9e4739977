package org.hainstall.core.usecase;

import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.RunMode;

/**
 * A run asked for by a front end that cannot wait for it (the wizard): the config, its file (null while unsaved:
 * only {@code create --dry-run} can do without one), the mode, and whether it is a dry run.
 */
public record RunRequest(ClusterConfig config, Path configFile, RunMode mode, boolean dryRun) { }
