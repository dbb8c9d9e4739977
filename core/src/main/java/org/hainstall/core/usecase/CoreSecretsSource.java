package org.hainstall.core.usecase;

import java.nio.file.Path;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.plan.StoreSecretsView;

/** The secrets folder beside the config file, generated where missing (create's step 3; modify's shared secrets). */
public final class CoreSecretsSource implements SecretsSource {
    @Override
    public SecretsView open(Path configFile, ClusterConfig config) {
        SecretsStore store = SecretsStore.besideConfig(configFile);
        return new StoreSecretsView(store, config.replication().resources().stream()
                .map(ClusterConfig.DrbdResource::name).toList());
    }

    @Override
    public List<String> prepare(Path configFile, ClusterConfig config, boolean creating) {
        SecretsStore store = SecretsStore.besideConfig(configFile);
        SecretsGenerator generator = new SecretsGenerator(store, new KeyGenerator());
        List<String> made = new java.util.ArrayList<>(generator.ensureGenerated(config));
        if (creating) {
            // hainstall makes these nodes: it knows their host keys before first contact, so it pins them now.
            made.addAll(generator.pinGeneratedHostKeys(config));
        }
        return made;
    }
}
