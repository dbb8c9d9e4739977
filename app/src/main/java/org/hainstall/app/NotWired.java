package org.hainstall.app;

import java.nio.file.Path;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.Workflows;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/**
 * Bindings for parts built by others in parallel (config loader, node steps, SSH, secrets store). Each says
 * plainly that it is not built (exit 3) until AppModule binds the real one.
 */
final class NotWired {
    private NotWired() {
    }

    static final class Configs implements ConfigSource {
        @Override
        public ClusterConfig load(Path file, List<String> overrides) {
            throw new NotBuiltException("loading a config file");
        }
    }

    static final class Steps implements Workflows {
        @Override
        public List<Step> modify(ClusterConfig config) {
            throw new NotBuiltException("the node steps (modify workflow)");
        }

        @Override
        public List<Step> create(ClusterConfig config) {
            throw new NotBuiltException("the create workflow");
        }
    }

    static final class Ssh implements ShellFactory {
        @Override
        public Shell open(ClusterConfig config, ClusterConfig.Node node) {
            throw new NotBuiltException("SSH to the nodes");
        }
    }

    static final class Secrets implements SecretsSource {
        @Override
        public SecretsView open(Path configFile, ClusterConfig config) {
            throw new NotBuiltException("the secrets store");
        }
    }
}
