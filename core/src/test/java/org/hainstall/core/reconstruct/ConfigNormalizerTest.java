package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.junit.jupiter.api.Test;

class ConfigNormalizerTest {

    @Test
    void aFailoverAndTheWorkstationSectionsMakeNoDifference() throws Exception {
        ClusterConfig before = ConfigAssembler.assemble(ConfigAssemblerTest.facts("sales-db1"),
                WorkstationSettings.defaults()).config();
        NodeFacts failedOver = ConfigAssemblerTest.facts("sales-db1")
                .put("proc-drbd", " 0: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n"
                + " 1: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n")
                .fail("ssh-client", "not over SSH");
        ClusterConfig after = ConfigAssembler.assemble(failedOver, WorkstationSettings.defaults()).config();

        assertThat(after).isNotEqualTo(before);
        assertThat(ConfigNormalizer.differences(before, after)).isEmpty();
    }

    @Test
    void aRealDifferenceIsNamedByItsSection() throws Exception {
        ClusterConfig a = ConfigAssembler.assemble(ConfigAssemblerTest.facts("sales-db1"),
                WorkstationSettings.defaults()).config();
        NodeFacts otherPort = ConfigAssemblerTest.facts("sales-db1");
        otherPort.put("hacf", otherPort.get("hacf").orElseThrow().replace("udpport 6940", "udpport 6950"));
        ClusterConfig b = ConfigAssembler.assemble(otherPort, WorkstationSettings.defaults()).config();

        List<String> diff = ConfigNormalizer.differences(a, b);
        assertThat(diff).singleElement().asString().startsWith("heartbeat:").contains("6940").contains("6950");
    }
}
