package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExampleConfigTest {
    @Test
    void exampleLoadsAndValidatesWithoutProblems() throws Exception {
        ClusterConfig config = new ConfigLoader().load(Example.path());

        assertThat(new ConfigValidator().validate(config)).isEmpty();
    }

    @Test
    void exampleIsReadAsWritten() {
        ClusterConfig config = Example.config();

        assertThat(config.cluster().name()).isEqualTo("sales-db");
        assertThat(config.nodes()).extracting(ClusterConfig.Node::name).containsExactly("sales-db1", "sales-db2");
        assertThat(config.nodes().get(0).isValidDataHolder()).isTrue();
        assertThat(config.heartbeat().udpPort()).isEqualTo(6940);
        assertThat(config.heartbeat().autoFailback()).isFalse();
        assertThat(config.backup().schedule()).isEqualTo("0 2 * * *");
        assertThat(config.storage().volumeGroups().get(0).logicalVolumes().get(2).filesystem().mountPoint())
                .isEqualTo("/backup");
        assertThat(config.packages()).isNull();
    }
}
