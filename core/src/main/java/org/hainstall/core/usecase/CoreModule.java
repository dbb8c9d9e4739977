package org.hainstall.core.usecase;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.workflow.CoreWorkflows;

/**
 * Core's wiring: the use cases, one instance each, and what they stand on — the workflows, SSH with the host keys
 * pinned in the secrets folder beside the config, that folder, and the clock. A launcher installs this module and
 * adds only what is its own choice: the terminal or the window, and (through {@link OptionalBinder}) where a run's
 * log is copied.
 */
public final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(SshOptions.class).toInstance(SshOptions.DEFAULTS);
        bind(ConfigCheck.class).to(ConfigCheck.Core.class);
        bind(WorkflowsSource.class).toInstance(CoreWorkflows::new);
        bind(ShellsSource.class).to(SshShells.class);
        bind(SecretsSource.class).to(CoreSecretsSource.class);
        OptionalBinder.newOptionalBinder(binder(), RunLogCopy.class).setDefault().toInstance(RunLogCopy.NONE);

        // One of each, so that every front end that asks for a use case holds the same one.
        bind(RunSessions.class).in(Singleton.class);
        bind(CreateCluster.class).in(Singleton.class);
        bind(ModifyCluster.class).in(Singleton.class);
        bind(ClusterRuns.class).in(Singleton.class);
        bind(ReconstructCluster.class).in(Singleton.class);
        bind(CloneCluster.class).in(Singleton.class);
        bind(ReadStatus.class).in(Singleton.class);
        bind(SwitchOver.class).in(Singleton.class);
        bind(TrustNodes.class).in(Singleton.class);
        bind(ValidateConfig.class).in(Singleton.class);
    }

    /** SSH to a cluster's nodes with its key and pinned host keys from the secrets folder beside its config. */
    static final class SshShells implements ShellsSource {
        private final SshOptions options;

        @jakarta.inject.Inject
        SshShells(SshOptions options) {
            this.options = options;
        }

        @Override
        public org.hainstall.core.remote.ShellFactory forConfig(java.nio.file.Path configFile) {
            return new SshShellFactory(SecretsStore.besideConfig(configFile), options);
        }
    }
}
