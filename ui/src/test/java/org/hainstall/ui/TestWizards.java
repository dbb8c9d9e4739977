package org.hainstall.ui;

import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.Problem;
import org.hainstall.ui.files.CoreConfigFiles;
import org.hainstall.ui.run.Workflows;

/** Services for a wizard under test: core's validator and config files, scripted dialogs, memory preferences. */
final class TestWizards {
    private TestWizards() {
    }

    static WizardServices services(ScriptedDialogs dialogs, Workflows workflows) {
        return services(dialogs, workflows, new ConfigValidator()::validate);
    }

    static WizardServices services(ScriptedDialogs dialogs, Workflows workflows,
                                   Function<ClusterConfig, List<Problem>> validator) {
        return new WizardServices(new CoreConfigFiles(), validator, workflows, Reconstruction.NOT_WIRED, dialogs,
                new MemoryPreferences(), folder -> { }, new SplittableRandom(7), Clock.systemUTC());
    }
}
