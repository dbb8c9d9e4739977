package org.hainstall.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.hainstall.app.logging.RunLog;
import org.hainstall.core.usecase.CoreModule;
import org.hainstall.core.usecase.RunLogCopy;

/**
 * Composes the command line: core's use cases and what they stand on come from {@link CoreModule}; the app adds
 * only its own choices — the terminal, the config source with {@code --set}, the run log's copy into each run's
 * folder (logback is the app's) — and the wizard's modules.
 */
final class AppModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new CoreModule());
        bind(Terminal.class).toInstance(Terminal.system());
        bind(ConfigSource.class).to(CoreConfigSource.class);
        OptionalBinder.newOptionalBinder(binder(), RunLogCopy.class).setBinding()
                .toInstance(runFolder -> RunLog.ofThisProcess().copyInto(runFolder));
        install(new org.hainstall.ui.UiModule());
        install(new GuiEngineModule());
    }
}
