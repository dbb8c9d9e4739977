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

    static WorkstationSettings workstationOf(ClusterConfig c) {
        return new WorkstationSettings(c.management(), c.access(), c.provisioning(), c.packages(),
                c.db2().installImage());
    }
}
