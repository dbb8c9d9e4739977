package org.hainstall.ui;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.prefs.Preferences;
import java.util.random.RandomGenerator;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.core.usecase.CloneCluster;
import org.hainstall.ui.files.ConfigFiles;
import org.hainstall.ui.run.FolderOpener;
import org.hainstall.ui.run.Workflows;

/**
 * What the wizard is built from. Production values come from {@code UiModule}: core's validator, core's config
 * files, the engine's workflows, core's clone use case; tests pass their own. {@code io} runs file reads and
 * writes, so the FX thread never waits on the disk.
 */
public record WizardServices(
        ConfigFiles files,
        Function<ClusterConfig, List<Problem>> validator,
        Workflows workflows,
        Reconstruction reconstruction,
        CloneCluster cloning,
        Dialogs dialogs,
        Preferences prefs,
        FolderOpener folders,
        RandomGenerator random,
        Clock clock,
        Executor io,
        AboutInfo about) {
}
