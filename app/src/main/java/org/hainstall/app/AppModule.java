package org.hainstall.app;

import com.google.inject.AbstractModule;
import java.time.Clock;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.workflow.CoreWorkflows;

/**
 * Composes the command line from core: the strict config loader, the workflows, SSH with the cluster's pinned
 * keys and the secrets folder beside the config.
 */
final class AppModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Terminal.class).toInstance(Terminal.system());
        bind(ConfigCheck.class).to(ConfigCheck.Core.class);
        bind(ConfigSource.class).to(CoreConfigSource.class);
        bind(WorkflowsSource.class).toInstance(CoreWorkflows::new);
        bind(ShellsSource.class).toInstance(configFile -> new SshShellFactory(SecretsStore.besideConfig(configFile),
                SshOptions.DEFAULTS));
        bind(SecretsSource.class).to(CoreSecretsSource.class);
        install(new org.hainstall.ui.UiModule());
        install(new GuiEngineModule());
    }
}
