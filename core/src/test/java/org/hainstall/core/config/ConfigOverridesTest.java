package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigOverridesTest {
    private final ConfigOverrides overrides = new ConfigOverrides();
    private final ClusterConfig example = Example.config();

    private ClusterConfig set(String... assignments) throws ConfigException {
        return overrides.apply(example, List.of(assignments));
    }

    private List<Problem> problemsOf(String... assignments) {
        return catchThrowableOfType(ConfigException.class, () -> set(assignments)).problems();
    }

    @Test
    void setsANodesAddressAndNothingElse() throws Exception {
        ClusterConfig changed = set("nodes[1].address=192.168.122.22");

        assertThat(changed.nodes().get(1).address()).isEqualTo("192.168.122.22");
        assertThat(changed.nodes().get(0)).isEqualTo(example.nodes().get(0));
        assertThat(changed.network()).isEqualTo(example.network());
        assertThat(example.nodes().get(1).address()).isEqualTo("192.168.122.12");
    }

    @Test
    void typesValuesByTheirField() throws Exception {
        ClusterConfig changed = set("heartbeat.udpPort=6941", "heartbeat.autoFailback=true",
                "replication.resources[0].port=7800", "time.ntpServers=a.example.org, b.example.org",
                "time.ntpServers[1]=c.example.org");

        assertThat(changed.heartbeat().udpPort()).isEqualTo(6941);
        assertThat(changed.heartbeat().autoFailback()).isTrue();
        assertThat(changed.replication().resources().get(0).port()).isEqualTo(7800);
        assertThat(changed.time().ntpServers()).containsExactly("a.example.org", "c.example.org");
    }

    @Test
    void createsAMissingSection() throws Exception {
        ClusterConfig changed = set("packages.localRepository=/srv/hainstall/debs", "nodes[1].mac=52:54:00:00:00:12");

        assertThat(changed.packages().localRepository()).isEqualTo("/srv/hainstall/debs");
        assertThat(changed.nodes().get(1).mac()).isEqualTo("52:54:00:00:00:12");
        assertThat(new ConfigValidator().validate(changed)).isEmpty();
    }

    @Test
    void emptyValueRemovesTheSetting() throws Exception {
        ClusterConfig changed = set("cluster.description=");

        assertThat(changed.cluster().description()).isNull();
    }

    @Test
    void textKeepsEqualsSignsAndSpaces() throws Exception {
        assertThat(set("cluster.description=a = b ").cluster().description()).isEqualTo("a = b ");
    }

    @Test
    void unknownKeyIsAnErrorNamingThePathWithASuggestion() {
        assertThat(problemsOf("heartbeat.udpport=6941")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("heartbeat.udpport");
            assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_OVERRIDE_PATH);
            assertThat(p.message()).contains("did you mean 'udpPort'?");
        });
    }

    @Test
    void indexBeyondTheListIsAnError() {
        assertThat(problemsOf("nodes[2].address=192.168.122.13")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("nodes[2].address");
            assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_OVERRIDE_PATH);
            assertThat(p.message()).contains("has 2 entries");
        });
    }

    @Test
    void wrongTypedValuesNameTheirPath() {
        assertThat(problemsOf("heartbeat.udpPort=high", "heartbeat.autoFailback=yes"))
                .extracting(Problem::path, Problem::code)
                .containsExactly(tuple("heartbeat.udpPort", ProblemCode.CONFIG_WRONG_TYPE),
                        tuple("heartbeat.autoFailback", ProblemCode.CONFIG_WRONG_TYPE));
    }

    @Test
    void malformedAssignmentsAndPathsAreRejected() {
        assertThat(problemsOf("nodes[1].address", "nodes[x].address=1", "a..b=1", "=1"))
                .extracting(Problem::code)
                .containsOnly(ProblemCode.CONFIG_OVERRIDE_SYNTAX);
    }

    @Test
    void aWholeSectionCannotBeSetAtOnce() {
        assertThat(problemsOf("heartbeat=off", "nodes=x")).extracting(Problem::path, Problem::code)
                .containsExactly(tuple("heartbeat", ProblemCode.CONFIG_OVERRIDE_PATH),
                        tuple("nodes", ProblemCode.CONFIG_OVERRIDE_PATH));
    }

    @Test
    void indexOnAFieldThatIsNotAListIsAnError() {
        assertThat(problemsOf("heartbeat[0].udpPort=1", "access.port.number=2"))
                .extracting(Problem::code).containsOnly(ProblemCode.CONFIG_OVERRIDE_PATH);
    }
}
