package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsScan;
import org.hainstall.core.secrets.SecretsStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

/**
 * FAULTS 33 for seed ISOs built by xorriso from a real secrets folder: each passes the scan as its own node's ISO,
 * and is caught as soon as it is taken for another node's (its host key and token would be a leak there).
 */
class SeedIsoSecretsScanTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void xorrisoIsInstalled() {
        assertThat(Files.isExecutable(Path.of("/usr/bin/xorriso")))
                .as("xorriso is needed (apt-get install xorriso; .ci/run installs it)").isTrue();
    }

    @Test
    void eachSeedIsoHoldsOnlyItsOwnNodesSecrets() throws Exception {
        ClusterConfig config = TestClusters.twoNodes();
        SecretsStore store = SecretsStore.besideConfig(dir.resolve("sales-db.yaml"));
        new SecretsGenerator(store, new KeyGenerator()).ensureGenerated(config);
        CallbackToken tokenA = TestKeys.token();
        CallbackToken tokenB = TestKeys.token();
        Path isoA = build(config, store, "sales-db1", "52:54:00:00:00:11", "52:54:00:00:01:11", tokenA);
        Path isoB = build(config, store, "sales-db2", "52:54:00:00:00:12", "52:54:00:00:01:12", tokenB);
        SecretsScan scan = SecretsScan.of(store)
                .with("the call-back token of sales-db1", text(tokenA), "sales-db1")
                .with("the call-back token of sales-db2", text(tokenB), "sales-db2");

        assertThat(scan.scan(List.of(SecretsScan.Target.seedIso(isoA, "sales-db1"),
                SecretsScan.Target.seedIso(isoB, "sales-db2"))).findings()).isEmpty();
        assertThat(scan.scan(List.of(SecretsScan.Target.seedIso(isoA, "sales-db2"))).findings())
                .extracting(SecretsScan.Finding::problem).containsExactlyInAnyOrder(
                        "holds the host private key of sales-db1", "holds the call-back token of sales-db1");
        assertThat(scan.scan(List.of(SecretsScan.Target.of(isoB))).findings())
                .extracting(SecretsScan.Finding::problem).containsExactlyInAnyOrder("holds a private-key marker",
                        "holds the host private key of sales-db2", "holds the call-back token of sales-db2");
    }

    private Path build(ClusterConfig config, SecretsStore store, String node, String mac, String replMac,
                       CallbackToken token) throws Exception {
        NodeSeedSecrets secrets = new NodeSeedSecrets(store.nodeHostPrivateKey(node).orElseThrow(),
                "ssh-ed25519 " + store.nodeHostPublicKey(node).orElseThrow().base64() + " root@" + node, token);
        return new SeedIsoBuilder().build(new SeedInputs(config, node, mac, replMac,
                store.adminPublicKeyLine().orElseThrow(), secrets), dir.resolve("seeds"));
    }

    private static String text(CallbackToken token) {
        return new String(token.fileContent(), StandardCharsets.US_ASCII).strip();
    }
}
