package org.hainstall.ui;

import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.usecase.CloneCluster;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
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
        return services(dialogs, workflows, validator, Reconstruction.NOT_WIRED);
    }

    static WizardServices services(ScriptedDialogs dialogs, Workflows workflows,
                                   Function<ClusterConfig, List<Problem>> validator, Reconstruction reconstruction) {
        return new WizardServices(new CoreConfigFiles(), validator, workflows, reconstruction,
                new CloneCluster(new ConfigLoader(), new ConfigWriter(), new ConfigValidator()), dialogs,
                new MemoryPreferences(), folder -> { }, new SplittableRandom(7), Clock.systemUTC(),
                Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "test-io");
                    t.setDaemon(true);
                    return t;
                }), new AboutInfo("1.2.3-test", "a test licence", java.util.Optional.of(java.nio.file.Path.of("README.md"))));
    }

    /** Starts {@code action} on the FX thread and waits (on the test thread) for the future it returns. */
    static <T> T await(FxRobot robot, Supplier<CompletableFuture<T>> action) {
        AtomicReference<CompletableFuture<T>> f = new AtomicReference<>();
        robot.interact(() -> f.set(action.get()));
        try {
            T result = f.get().get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents(); // the page shown is laid out before the test looks into it
            return result;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
