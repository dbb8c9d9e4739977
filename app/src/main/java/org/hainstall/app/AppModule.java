package org.hainstall.app;

import com.google.inject.AbstractModule;
import java.time.Clock;
import org.hainstall.core.plan.Workflows;
import org.hainstall.core.remote.ShellFactory;

/**
 * Composes the modules that live beside what they wire. The NotWired bindings stand for parts built in
 * parallel; each is replaced by its real implementation when it is merged (see docs/PLAN-ENGINE.md, "Wiring").
 */
final class AppModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Terminal.class).toInstance(Terminal.system());
        bind(ConfigCheck.class).to(ConfigCheck.Core.class);
        bind(ConfigSource.class).to(NotWired.Configs.class);
        bind(Workflows.class).to(NotWired.Steps.class);
        bind(ShellFactory.class).to(NotWired.Ssh.class);
        bind(SecretsSource.class).to(NotWired.Secrets.class);
    }
}
