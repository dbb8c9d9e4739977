package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsException;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

class StoreSecretsViewTest {
    @TempDir
    Path tmp;
    private SecretsStore store;
    private SecretsGenerator generator;
    private final ClusterConfig config = TestClusters.twoResources();

    @BeforeEach
    void setUp() {
        store = new SecretsStore(tmp.resolve("sales-db.secrets"));
        generator = new SecretsGenerator(store, new KeyGenerator());
    }

    @Test
    void theStepsViewReadsTheStoreAndNamesTheFolderWhenSomethingIsMissing() {
        StoreSecretsView view = new StoreSecretsView(store);
        assertThatThrownBy(view::heartbeatAuthKey).isInstanceOf(SecretsException.class)
                .hasMessageContaining(store.folder().toString());
        generator.ensureGenerated(config);
        assertThat(view.heartbeatAuthKey()).isEqualTo(store.heartbeatAuthKey().orElseThrow());
        assertThat(view.drbdSecret("r1")).isEqualTo(store.drbdSecret("r1").orElseThrow());
        assertThatThrownBy(() -> view.drbdSecret("r9")).isInstanceOf(SecretsException.class)
                .hasMessageContaining("r9");
    }

}
