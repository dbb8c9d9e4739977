package org.hainstall.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.config.ProvisioningKind;
import org.junit.jupiter.api.Test;

class RecordModelTest {
    private final AtomicInteger edits = new AtomicInteger();
    private final RecordModel model = RecordModel.empty(ClusterConfig.class, edits::incrementAndGet);

    @Test
    void anEmptyModelIsAConfigWithEverySectionMissing() {
        ClusterConfig c = (ClusterConfig) model.toRecord();
        assertThat(c).isEqualTo(new ClusterConfig(null, null, null, null, null, null, null, null, null, null, null,
                null, null));
    }

    @Test
    void valuesBecomeTheRecordsTypesAndBlanksBecomeMissing() {
        model.child("cluster").text("name").set("  sales-db ");
        model.child("heartbeat").text("udpPort").set("6940");
        model.child("network").text("dns").set("10.0.0.1, ,10.0.0.2");
        model.child("heartbeat").flag("autoFailback").set(false);
        RecordModel node = model.add("nodes");
        node.text("address").set("192.168.1.1");

        ClusterConfig c = (ClusterConfig) model.toRecord();

        assertThat(c.cluster()).isEqualTo(new ClusterConfig.ClusterInfo("sales-db", null));
        assertThat(c.heartbeat().udpPort()).isEqualTo(6940);
        assertThat(c.heartbeat().autoFailback()).isFalse();
        assertThat(c.network().dns()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(c.nodes()).containsExactly(new ClusterConfig.Node(null, "192.168.1.1", null, null, null, null));
        assertThat(c.storage()).isNull();
    }

    @Test
    void pathsFollowTheConfigSyntaxAndTrackRemovedRows() {
        RecordModel first = model.add("nodes");
        RecordModel second = model.add("nodes");
        assertThat(second.pathOf("address")).isEqualTo("nodes[1].address");
        assertThat(model.child("storage").pathOf("disks")).isEqualTo("storage.disks");
        model.list("nodes").remove(first);
        assertThat(second.pathOf("address")).isEqualTo("nodes[0].address");
        RecordModel lv = model.child("storage").add("volumeGroups").add("logicalVolumes");
        assertThat(lv.child("filesystem").pathOf("mountPoint"))
                .isEqualTo("storage.volumeGroups[0].logicalVolumes[0].filesystem.mountPoint");
    }

    @Test
    void loadingARecordAndConvertingItBackGivesTheSameRecord() {
        ClusterConfig config = new ClusterConfig(new ClusterConfig.ClusterInfo("a", "b"), null,
                new ClusterConfig.Access("root", 22), null, null,
                new ClusterConfig.TimeSettings(List.of("ntp1", "ntp2"), "UTC"), null,
                List.of(new ClusterConfig.Node("n1", "10.0.0.1", null, true, "02:00:00:00:00:01", null)),
                new ClusterConfig.Storage(null, List.of(new ClusterConfig.VolumeGroup("vg", List.of("/dev/vdb1"),
                        List.of(new ClusterConfig.LogicalVolume("lv", "1G",
                                new ClusterConfig.Filesystem(FilesystemType.EXT4, "/x")))))),
                null, new ClusterConfig.Heartbeat(6940, "2s", null, null, null, false), null, null);
        model.load(config);
        assertThat(model.toRecord()).isEqualTo(config);
        assertThat(edits.get()).isPositive();
    }

    @Test
    void aNumberThatDoesNotParseIsReportedWithItsPath() {
        model.child("access").text("port").set("22x");
        assertThat(model.representationProblems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("access.port");
                    assertThat(p.code()).isEqualTo(ProblemCode.NOT_A_NUMBER);
                });
    }

    @Test
    void aClosedSetIsEditedAsItsWordAndBecomesCoresEnum() {
        model.child("replication").text("protocol").set("C");
        model.child("provisioning").text("kind").set(" physical ");
        ClusterConfig c = (ClusterConfig) model.toRecord();
        assertThat(c.replication().protocol()).isEqualTo(DrbdProtocol.C);
        assertThat(c.provisioning().kind()).isEqualTo(ProvisioningKind.PHYSICAL);
        assertThat(model.representationProblems()).isEmpty();

        model.load(c);
        assertThat(model.child("provisioning").text("kind").get()).isEqualTo("physical");
    }

    @Test
    void aWordOutsideItsSetIsReportedWithItsPathAndLeftMissing() {
        model.child("replication").text("initialSync").set("Full");
        assertThat(((ClusterConfig) model.toRecord()).replication()).isNull();
        assertThat(model.representationProblems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("replication.initialSync");
            assertThat(p.code()).isEqualTo(ProblemCode.REPLICATION_INITIAL_SYNC_INVALID);
            assertThat(p.message()).contains("'Full'", "full", "skip", "Did you mean 'full'?");
        });
    }
}
