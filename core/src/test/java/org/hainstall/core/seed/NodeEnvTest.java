package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;
import org.junit.jupiter.api.Test;
import org.hainstall.core.testing.TestClusters;

class NodeEnvTest {
    private static SeedInputs inputs(ClusterConfig c, String node, String mac, String replMac) {
        return new SeedInputs(c, node, mac, replMac, TestKeys.ed25519PublicLine("admin"),
                new NodeSeedSecrets(TestKeys.privateKeyFile(), TestKeys.ed25519PublicLine("root@x"), TestKeys.token()));
    }

    @Test
    void writesEveryContractKeyForTheNodeAndItsPeer() throws Exception {
        Map<String, String> env = NodeEnv.values(inputs(TestClusters.twoNodes(), "sales-db2",
                "52:54:00:AA:00:02", "52:54:00:aa:01:02"));

        assertThat(env).containsOnlyKeys("NODE_NAME", "NODE_FQDN", "NODE_ADDRESS", "NODE_PREFIX", "NODE_MAC",
                "NODE_GATEWAY", "REPL_ADDRESS", "REPL_PREFIX", "REPL_MAC", "DNS_SERVERS", "DOMAIN", "PEER_NAME",
                "PEER_ADDRESS", "PEER_REPL_ADDRESS", "CALLBACK_URL", "ACCESS_USER");
        assertThat(env).containsEntry("NODE_NAME", "sales-db2")
                .containsEntry("NODE_FQDN", "sales-db2.example.org")
                .containsEntry("NODE_PREFIX", "24")
                .containsEntry("NODE_MAC", "52:54:00:aa:00:02")
                .containsEntry("DNS_SERVERS", "192.168.122.1 192.168.122.2")
                .containsEntry("PEER_NAME", "sales-db1")
                .containsEntry("PEER_REPL_ADDRESS", "10.10.0.11")
                .containsEntry("CALLBACK_URL", "http://127.0.0.1:8740/callback/sales-db2");
    }

    @Test
    void rejectsValuesThatCouldEscapeTheirQuotesNamingTheConfigPath() {
        ClusterConfig c = TestClusters.withNodes(TestClusters.twoNodes(), List.of(
                new Node("sales-db1", "192.168.122.11'; reboot; '", "10.10.0.11", true, null, null),
                new Node("sales-db2", "192.168.122.12", "10.10.0.12", false, null, null)));

        assertThatThrownBy(() -> NodeEnv.render(inputs(c, "sales-db1", "52:54:00:00:00:01$(id)", "52:54:00:00:01:01")))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("nodes[0].address")
                .hasMessageContaining("nodes[0].mac");
    }

    @Test
    void rendersOnlySingleQuotedAssignments() throws Exception {
        String text = NodeEnv.render(inputs(TestClusters.twoNodes(), "sales-db1", "52:54:00:00:00:01",
                "52:54:00:00:01:01"));
        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("[A-Z_]+='[^']*'"));
    }
}
