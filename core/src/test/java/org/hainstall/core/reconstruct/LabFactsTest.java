package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigValidator;
import org.junit.jupiter.api.Test;

/**
 * Reconstruct on facts captured from the lab's standby-turned-active node ({@code reconstruct --dump-facts}, in
 * {@code lab/e2e.sh} right after the failover drill): the config it assembles describes the cluster of
 * {@code lab/cluster.yaml}.
 */
class LabFactsTest {

    @Test
    void theLabNodesFactsGiveTheLabConfigAfterNormalisation() throws Exception {
        ClusterConfig lab = new ConfigLoader().load(Path.of("..", "lab", "cluster.yaml"));
        Reconstruction r = ConfigAssembler.assemble(ConfigAssemblerTest.facts("lab-db2"),
                LabFactsTest.workstationOf(lab));

        assertThat(r.unreadable()).isEmpty();
        assertThat(ConfigNormalizer.differences(lab, r.config())).isEmpty();
        assertThat(new ConfigValidator().validate(r.config())).noneMatch(p -> p.isError());
        // lab-db2 held the service when the facts were read (after the failover drill): it holds the valid data now.
        assertThat(r.config().nodes()).filteredOn(ClusterConfig.Node::holdsValidData)
                .extracting(ClusterConfig.Node::name).containsExactly("lab-db2");
    }

    @Test
    void commentsAndWhitespaceInTheCapturedDrbdDumpChangeNothing() throws Exception {
        NodeFacts facts = ConfigAssemblerTest.facts("lab-db2");
        ClusterConfig plain = ConfigAssembler.assemble(facts, WorkstationSettings.defaults()).config();
        String dump = facts.get("drbd-dump").orElseThrow();
        String odd = "# edited by hand\n" + dump.replace("    ", "\t  ").replace(";\n", " ;   # note\n");
        facts.put("drbd-dump", odd);

        assertThat(ConfigAssembler.assemble(facts, WorkstationSettings.defaults()).config()).isEqualTo(plain);
    }

    @Test
    void onTheStandbyTheDb2GapsAreNamedWithTheNodeToAskInstead() throws Exception {
        // The same node's facts as the standby reads them: DRBD Secondary, the instance home not mounted.
        NodeFacts facts = ConfigAssemblerTest.facts("lab-db2");
        facts.put("proc-drbd", " 0: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n"
                + " 1: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n");
        facts.fail("fenced:db2inst1", "`stat -c %U /db2home/db2inst1/sqllib/adm/.fenced` exited 1");
        facts.fail("dbdir:db2inst1", "exited 1: /db2home/db2inst1/sqllib/db2profile: No such file or directory");

        Reconstruction r = ConfigAssembler.assemble(facts, WorkstationSettings.defaults());

        assertThat(r.unreadable()).anySatisfy(u -> assertThat(u).startsWith("db2: lab-db2 is the DRBD standby")
                .contains("reconstruct from lab-db1"));
    }

    static WorkstationSettings workstationOf(ClusterConfig c) {
        return new WorkstationSettings(c.management(), c.access(), c.provisioning(), c.packages(),
                c.db2().installImage());
    }
}
