package org.hainstall.ui;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.usecase.CloneCluster;
import org.hainstall.ui.files.CoreConfigFiles;
import org.hainstall.ui.run.FolderOpener;
import org.hainstall.ui.run.Workflows;

/**
 * The wizard's wiring. The engine's module sets {@link Workflows} and {@link Reconstruction} with
 * {@code OptionalBinder.newOptionalBinder(binder(), Workflows.class).setBinding()...}; until then the wizard
 * shows placeholders for the dry-run plan and the run. The app sets {@link AboutInfo} the same way.
 */
public final class UiModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Workflows.class).setDefault().toInstance(Workflows.NOT_WIRED);
        OptionalBinder.newOptionalBinder(binder(), Reconstruction.class).setDefault()
                .toInstance(Reconstruction.NOT_WIRED);
        OptionalBinder.newOptionalBinder(binder(), AboutInfo.class).setDefault().toInstance(AboutInfo.UNKNOWN);
        OptionalBinder.newOptionalBinder(binder(), FxToolkit.class).setDefault().toInstance(FxToolkit.onDemand());
    }

    @Provides
    WizardServices services(Workflows workflows, Reconstruction reconstruction, CloneCluster cloning,
                            AboutInfo about) {
        ConfigValidator validator = new ConfigValidator();
        return new WizardServices(new CoreConfigFiles(), validator::validate, workflows, reconstruction, cloning,
                new FxDialogs(), Preferences.userNodeForPackage(Wizard.class), FolderOpener.XDG_OPEN,
                new SecureRandom(), Clock.systemUTC(), Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "hainstall-io");
                    t.setDaemon(true);
                    return t;
                }), about);
    }
}
