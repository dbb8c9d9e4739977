package org.hainstall.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.hainstall.ui.AboutInfo;
import org.hainstall.ui.Reconstruction;
import org.hainstall.ui.run.Workflows;

/**
 * Wires the wizard's engine ports to core (through the same classes the command line uses), replacing
 * {@code UiModule}'s "not wired" defaults.
 */
final class GuiEngineModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Workflows.class).setBinding().to(GuiWorkflows.class);
        OptionalBinder.newOptionalBinder(binder(), Reconstruction.class).setBinding().to(GuiReconstruction.class);
        OptionalBinder.newOptionalBinder(binder(), AboutInfo.class).setBinding().toProvider(AppAbout.class);
    }
}
