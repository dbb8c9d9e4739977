package org.hainstall.core.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.config.Problem;
import org.junit.jupiter.api.Test;

class CloneTest {
    static ClusterConfig source() {
        return new ClusterConfig(new ClusterConfig.ClusterInfo("sales-db", null),
                new ClusterConfig.Management("192.168.122.1", 8740), null, null,
                new ClusterConfig.Network("example.org", "192.168.122.0/24", "192.168.122.1", List.of("192.168.122.1"),
                        "192.168.122.50", "10.10.0.0/24"),
                null, null,
                List.of(new ClusterConfig.Node("sales-db1", "192.168.122.11", "10.10.0.11", true, null, null),
                        new ClusterConfig.Node("sales-db2", "192.168.122.12", "10.10.0.12", null, null, null)),
                null, null, new ClusterConfig.Heartbeat(6940, "2s", "10s", "30s", "120s", false), null, null);
    }

    static final CloneCheck.SharedSecrets SOURCE_SECRETS = new CloneCheck.SharedSecrets("aa11", List.of("d1", "d2"));
    static final CloneCheck.SharedSecrets NEW_SECRETS = new CloneCheck.SharedSecrets("bb22", List.of("d3", "d4"));

    @Test
    void proposalSharesNothingThatCollidesOnTheWire() {
        ClusterConfig clone = new CloneProposer().propose(source(), "sales-copy");
        assertThat(clone.cluster().name()).isEqualTo("sales-copy");
        assertThat(clone.nodes()).extracting(ClusterConfig.Node::name).containsExactly("sales-copy1", "sales-copy2");
        assertThat(clone.nodes()).extracting(ClusterConfig.Node::address).containsExactly("192.168.122.13", "192.168.122.14");
        assertThat(clone.nodes()).extracting(ClusterConfig.Node::replicationAddress).containsExactly("10.10.0.13", "10.10.0.14");
        assertThat(clone.network().serviceAddress()).isEqualTo("192.168.122.51");
        assertThat(clone.heartbeat().udpPort()).isEqualTo(6941);
        assertThat(new CloneCheck().check(source(), SOURCE_SECRETS, clone, NEW_SECRETS)).isEmpty();
    }

    @Test
    void refusesAnUnchangedCloneNamingEachCollision() {
        List<Problem> problems = new CloneCheck().check(source(), SOURCE_SECRETS, source(), SOURCE_SECRETS);
        assertThat(problems).filteredOn(Problem::isError).extracting(Problem::path, Problem::code).contains(
                org.assertj.core.groups.Tuple.tuple("cluster.name", ProblemCode.CLONE_SAME_CLUSTER_NAME),
                org.assertj.core.groups.Tuple.tuple("nodes[0].name", ProblemCode.CLONE_SAME_NODE_NAME),
                org.assertj.core.groups.Tuple.tuple("nodes[1].address", ProblemCode.CLONE_SAME_ADDRESS),
                org.assertj.core.groups.Tuple.tuple("network.serviceAddress", ProblemCode.CLONE_SAME_ADDRESS),
                org.assertj.core.groups.Tuple.tuple("heartbeat.udpPort", ProblemCode.CLONE_SAME_UDP_PORT),
                org.assertj.core.groups.Tuple.tuple("heartbeat", ProblemCode.CLONE_SAME_AUTH_KEY));
        assertThat(problems).filteredOn(p -> !p.isError()).extracting(Problem::code)
                .containsExactly(ProblemCode.CLONE_SAME_DRBD_SECRET);
    }

    @Test
    void sameAuthKeyOnAnotherPortIsOnlyAWarning() {
        ClusterConfig clone = new CloneProposer().propose(source(), "sales-copy");
        List<Problem> problems = new CloneCheck().check(source(), SOURCE_SECRETS, clone,
                new CloneCheck.SharedSecrets("aa11", List.of("d9")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.CLONE_SAME_AUTH_KEY);
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).doesNotContain("aa11");
        });
    }
}
