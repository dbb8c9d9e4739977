package org.hainstall.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.StoreSecretsView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

class SecretsGeneratorTest {
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
    void generatesEverySecretTheConfigNeeds() {
        List<String> made = generator.ensureGenerated(config);
        assertThat(made).containsExactly("admin SSH key", "SSH host key of sales-db1", "SSH host key of sales-db2",
                "Heartbeat auth key", "DRBD secret of r0", "DRBD secret of r1");
        assertThat(store.heartbeatAuthKey().orElseThrow()).matches("[0-9a-f]{64}");
        assertThat(store.drbdSecret("r0").orElseThrow()).matches("[0-9a-f]{48}");
        assertThat(store.drbdSecret("r0")).isNotEqualTo(store.drbdSecret("r1"));
        assertThat(store.nodeHostPublicKey("sales-db1")).isNotEqualTo(store.nodeHostPublicKey("sales-db2"));
        assertThat(store.adminPublicKeyLine().orElseThrow()).endsWith(" hainstall@sales-db");
    }

    @Test
    void aSecondRunChangesNothing() throws IOException {
        generator.ensureGenerated(config);
        List<byte[]> before = contents();
        assertThat(generator.ensureGenerated(config)).isEmpty();
        assertThat(contents()).zipSatisfy(before, (now, then) -> assertThat(now).isEqualTo(then));
    }

    @Test
    void regeneratesOnlyWhatIsAskedFor() {
        generator.ensureGenerated(config);
        String heartbeat = store.heartbeatAuthKey().orElseThrow();
        String drbd = store.drbdSecret("r0").orElseThrow();
        SshPublicKey admin = store.adminPublicKey().orElseThrow();
        assertThat(generator.regenerate(config, SecretsGenerator.Kind.HEARTBEAT_AUTH_KEY))
                .containsExactly("Heartbeat auth key");
        assertThat(store.heartbeatAuthKey().orElseThrow()).isNotEqualTo(heartbeat);
        assertThat(store.drbdSecret("r0")).contains(drbd);
        assertThat(store.adminPublicKey()).contains(admin);
    }

    @Test
    void pinsGeneratedHostKeysOnlyWhereNothingIsPinned() {
        generator.ensureGenerated(config);
        SshPublicKey trusted = new KeyGenerator().ed25519().publicKey();
        store.pin("sales-db2", trusted);
        assertThat(generator.pinGeneratedHostKeys(config)).hasSize(1);
        assertThat(store.pinnedHostKey("sales-db1")).isEqualTo(store.nodeHostPublicKey("sales-db1"));
        assertThat(store.pinnedHostKey("sales-db2")).contains(trusted);
    }

    @Test
    void generatedSecretsNeverShowInDescriptionsOrToString() {
        List<String> shown = new ArrayList<>(generator.ensureGenerated(config));
        shown.add(store.toString());
        shown.add(generator.toString());
        shown.add(new StoreSecretsView(store).toString());
        shown.add(store.adminKeyPair().orElseThrow().toString());
        List<String> secrets = List.of(store.heartbeatAuthKey().orElseThrow(), store.drbdSecret("r0").orElseThrow(),
                store.drbdSecret("r1").orElseThrow());
        for (String text : shown) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret.substring(0, 16));
            }
            assertThat(text).doesNotContain("PRIVATE KEY");
        }
    }

    private List<byte[]> contents() throws IOException {
        List<byte[]> all = new ArrayList<>();
        try (var walk = Files.walk(store.folder())) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    all.add(Files.readAllBytes(p));
                }
            }
        }
        return all;
    }
}
