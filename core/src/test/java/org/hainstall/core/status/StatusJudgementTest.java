package org.hainstall.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.junit.jupiter.api.Test;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.InitialSync;

class StatusJudgementTest {
    static final String PROC_DRBD_SYNCED = """
            version: 8.4.11 (api:1/proto:86-101)
            srcversion: 2B1AE1D4C1B4E4C3F8E1B9A
             0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----
                ns:65536 nr:0 dw:4 dr:66561 al:1 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0
             1: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----
                ns:131072 nr:0 dw:0 dr:132097 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0
            """;
    static final String PROC_DRBD_SYNCING = """
            version: 8.4.11 (api:1/proto:86-101)
             0: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r-----
                ns:11264 nr:0 dw:0 dr:12289 al:0 bm:0 lo:0 pe:2 ua:0 ap:0 ep:1 wo:f oos:54272
            \t[==>.................] sync'ed: 17.6% (54272/65536)K
            \tfinish: 0:00:01 speed: 11,264 (11,264) K/sec
             1: cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown C r-----
            """;

    static ClusterConfig config() {
        return new ClusterConfig(null, null, null, null,
                new ClusterConfig.Network(null, "192.168.122.0/24", null, List.of(), "192.168.122.50", null),
                null, null,
                List.of(new ClusterConfig.Node("a", "192.168.122.11", null, true, null, null),
                        new ClusterConfig.Node("b", "192.168.122.12", null, false, null, null)),
                null,
                new ClusterConfig.Replication(DrbdProtocol.C, InitialSync.FULL, List.of(
                        new ClusterConfig.DrbdResource("home", 0, 7789, "vg/home", new ClusterConfig.Filesystem(FilesystemType.EXT4, "/db2home")),
                        new ClusterConfig.DrbdResource("data", 1, 7790, "vg/data", new ClusterConfig.Filesystem(FilesystemType.EXT4, "/db2data")))),
                null,
                new ClusterConfig.Db2("/opt/ibm/db2/V11.5", null, List.of(
                        new ClusterConfig.Db2Instance("db2inst1", "db2inst1", "db2fenc1", 50000, "/db2home/db2inst1", List.of()))),
                null);
    }

    static NodeStatus active(String name, String procDrbd) {
        return new NodeStatus(name, true, null, true, StatusReader.devices(procDrbd), List.of("/db2home", "/db2data"), true,
                List.of("db2inst1"), List.of("SALES"));
    }

    static NodeStatus standby(String name) {
        return new NodeStatus(name, true, null, true, StatusReader.devices(PROC_DRBD_SYNCED.replace("Primary/Secondary",
                "Secondary/Primary")), List.of(), false, List.of(), List.of());
    }

    @Test
    void parsesRolesDiskStatesAndSyncProgress() {
        List<DrbdDevice> devices = StatusReader.devices(PROC_DRBD_SYNCING);
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).connection()).isEqualTo("SyncSource");
        assertThat(devices.get(0).peerDisk()).isEqualTo("Inconsistent");
        assertThat(devices.get(0).syncPercent()).isEqualTo(17.6);
        assertThat(devices.get(1).peerRole()).isEqualTo("Unknown");
        assertThat(devices.get(1).syncPercent()).isNull();
    }

    @Test
    void healthyWhenActiveHoldsEverythingAndDrbdIsInSync() {
        ClusterStatus s = StatusReader.judge(config(), List.of(active("a", PROC_DRBD_SYNCED), standby("b")));
        assertThat(s.activeNode()).contains("a");
        assertThat(s.healthy()).as(s.degraded().toString()).isTrue();
    }

    @Test
    void degradedWhileANodesHeartbeatIsStopped() {
        NodeStatus b = standby("b");
        NodeStatus stopped = new NodeStatus("b", true, null, false, List.of(), List.of(), false, List.of(), List.of());
        ClusterStatus s = StatusReader.judge(config(), List.of(active("a", PROC_DRBD_SYNCING), stopped));
        assertThat(s.healthy()).isFalse();
        assertThat(s.degraded()).anyMatch(d -> d.equals("b: Heartbeat is not running"))
                .anyMatch(d -> d.contains("DRBD minor 0 is SyncSource UpToDate/Inconsistent (synced 17.6%)"));
        assertThat(b.primaryEverywhere()).isFalse();
    }

    @Test
    void degradedWhenNoNodeIsActiveOrTheActiveOneMissesAPart() {
        assertThat(StatusReader.judge(config(), List.of(standby("a"), standby("b"))).degraded())
                .contains("no node holds DRBD Primary: the service is not running anywhere");

        NodeStatus noDb2 = new NodeStatus("a", true, null, true, StatusReader.devices(PROC_DRBD_SYNCED),
                List.of("/db2home", "/db2data"), true, List.of(), List.of());
        assertThat(StatusReader.judge(config(), List.of(noDb2, standby("b"))).degraded())
                .containsExactly("a: active but DB2 instance db2inst1 is not running");
    }

    @Test
    void anUnreachableNodeKeepsItsReasonOnItsOwnEntryAndTheSummaryOnlyPointsAtIt() {
        ClusterStatus s = StatusReader.judge(config(), List.of(active("a", PROC_DRBD_SYNCED),
                NodeStatus.unreachable("b", "b (10.0.0.2:22) refused the connection")));
        assertThat(s.nodes().get(1).error()).isEqualTo("b (10.0.0.2:22) refused the connection");
        assertThat(s.degraded()).containsExactly("b: could not be read (see its line)");
        assertThat(String.join("\n", s.degraded())).doesNotContain("refused");
    }

    @Test
    void withoutAnActiveNodeTheSummarySaysWhetherAnUnreadNodeMayHoldTheService() {
        assertThat(StatusReader.judge(config(), List.of(standby("a"), NodeStatus.unreachable("b", "x"))).degraded())
                .contains("no node that could be read holds DRBD Primary: the service runs nowhere, or on a node "
                        + "that could not be read");
        assertThat(StatusReader.judge(config(), List.of(NodeStatus.unreachable("a", "x"),
                NodeStatus.unreachable("b", "y"))).degraded())
                .containsExactly("a: could not be read (see its line)", "b: could not be read (see its line)",
                        "no node could be read: whether the service runs is unknown");
    }
}
