package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.junit.jupiter.api.Test;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.PartitionType;
import org.hainstall.core.config.ProvisioningKind;

class ConfigAssemblerTest {

    static NodeFacts facts(String name) throws IOException {
        try (InputStream in = ConfigAssemblerTest.class.getResourceAsStream("/reconstruct/" + name + ".facts")) {
            return NodeFactsFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsBothNodesNetworkFromOneNode() throws IOException {
        ClusterConfig c = ConfigAssembler.assemble(facts("sales-db1"), WorkstationSettings.defaults()).config();
        assertThat(c.nodes()).extracting(ClusterConfig.Node::name).containsExactly("sales-db1", "sales-db2");
        assertThat(c.nodes()).extracting(ClusterConfig.Node::address).containsExactly("192.168.122.11", "192.168.122.12");
        assertThat(c.nodes()).extracting(ClusterConfig.Node::replicationAddress).containsExactly("10.10.0.11", "10.10.0.12");
        assertThat(c.network().subnet()).isEqualTo("192.168.122.0/24");
        assertThat(c.network().replicationSubnet()).isEqualTo("10.10.0.0/24");
        assertThat(c.network().gateway()).isEqualTo("192.168.122.1");
        assertThat(c.network().dns()).containsExactly("192.168.122.1");
        assertThat(c.network().domain()).isEqualTo("example.org");
        assertThat(c.network().serviceAddress()).isEqualTo("192.168.122.50");
        assertThat(c.cluster().name()).isEqualTo("sales-db");
    }

    @Test
    void aPhysicalClusterGetsThisNodesMacsFromItsLinksAndThePeersFromItsNeighbourTable() throws IOException {
        NodeFacts f = facts("sales-db1");
        f.put("ip-neigh", "[{\"dst\":\"192.168.122.12\",\"dev\":\"eth0\",\"lladdr\":\"52:54:00:00:00:12\","
                + "\"state\":[\"REACHABLE\"]},{\"dst\":\"10.10.0.12\",\"dev\":\"eth1\",\"lladdr\":"
                + "\"52:54:00:00:01:12\",\"state\":[\"STALE\"]},{\"dst\":\"192.168.122.9\",\"dev\":\"eth0\","
                + "\"state\":[\"FAILED\"]}]");
        WorkstationSettings physical = new WorkstationSettings(null, new ClusterConfig.Access("root", 22),
                new ClusterConfig.Provisioning(ProvisioningKind.PHYSICAL, null), null, null);

        Reconstruction r = ConfigAssembler.assemble(f, physical);

        assertThat(r.config().nodes()).extracting(ClusterConfig.Node::mac)
                .containsExactly("52:54:00:00:00:11", "52:54:00:00:00:12");
        assertThat(r.config().nodes()).extracting(ClusterConfig.Node::replicationMac)
                .containsExactly("52:54:00:00:01:11", "52:54:00:00:01:12");
        assertThat(r.unreadable()).noneMatch(u -> u.contains("mac") || u.contains("Mac"));

        f.put("ip-neigh", "[]");
        Reconstruction unknownPeer = ConfigAssembler.assemble(f, physical);
        assertThat(unknownPeer.config().nodes().get(1).mac()).isNull();
        assertThat(unknownPeer.unreadable()).anyMatch(u -> u.startsWith("nodes[sales-db2].mac: not in this node's"));

        assertThat(ConfigAssembler.assemble(f, WorkstationSettings.defaults()).config().nodes())
                .as("cloned VMs get new MACs: a libvirt config names none").extracting(ClusterConfig.Node::mac)
                .containsOnlyNulls();
    }

    @Test
    void marksTheNodeThatIsPrimaryNowAsHoldingValidData() throws IOException {
        NodeFacts f = facts("sales-db1");
        ClusterConfig here = ConfigAssembler.assemble(f, WorkstationSettings.defaults()).config();
        assertThat(here.nodes()).extracting(ClusterConfig.Node::holdsValidData).containsExactly(true, false);

        f.put("proc-drbd", " 0: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n"
                + " 1: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n");
        ClusterConfig afterFailover = ConfigAssembler.assemble(f, WorkstationSettings.defaults()).config();
        assertThat(afterFailover.nodes()).extracting(ClusterConfig.Node::holdsValidData).containsExactly(false, true);
    }

    @Test
    void readsStorageWithRestPartitionAndLocalFilesystem() throws IOException {
        ClusterConfig c = ConfigAssembler.assemble(facts("sales-db1"), WorkstationSettings.defaults()).config();
        assertThat(c.storage().disks()).singleElement().satisfies(d -> {
            assertThat(d.device()).isEqualTo("/dev/vdb");
            assertThat(d.partitions()).containsExactly(new ClusterConfig.Partition(1, "rest", PartitionType.LVM));
        });
        ClusterConfig.VolumeGroup vg = c.storage().volumeGroups().get(0);
        assertThat(vg.name()).isEqualTo("vg_db2");
        assertThat(vg.physicalVolumes()).containsExactly("/dev/vdb1");
        assertThat(vg.logicalVolumes()).contains(
                new ClusterConfig.LogicalVolume("lv_db2home", "1G", null),
                new ClusterConfig.LogicalVolume("lv_db2data", "4G", null),
                new ClusterConfig.LogicalVolume("lv_backup", "2G", new ClusterConfig.Filesystem(FilesystemType.EXT4, "/backup")));
    }

    @Test
    void readsDrbdHeartbeatDb2AndBackup() throws IOException {
        Reconstruction r = ConfigAssembler.assemble(facts("sales-db1"), WorkstationSettings.defaults());
        ClusterConfig c = r.config();
        assertThat(c.replication().protocol()).isEqualTo(DrbdProtocol.C);
        assertThat(c.replication().resources()).containsExactly(
                new ClusterConfig.DrbdResource("db2home", 0, 7789, "vg_db2/lv_db2home",
                        new ClusterConfig.Filesystem(FilesystemType.EXT4, "/db2home")),
                new ClusterConfig.DrbdResource("db2data", 1, 7790, "vg_db2/lv_db2data",
                        new ClusterConfig.Filesystem(FilesystemType.EXT4, "/db2data")));
        assertThat(c.heartbeat()).isEqualTo(new ClusterConfig.Heartbeat(6940, "2s", "10s", "30s", "120s", false));
        assertThat(c.time().ntpServers()).containsExactly("0.debian.pool.ntp.org", "1.debian.pool.ntp.org");
        assertThat(c.time().timezone()).isEqualTo("UTC");
        assertThat(c.db2().installPath()).isEqualTo("/opt/ibm/db2/V11.5");
        assertThat(c.db2().instances()).singleElement().isEqualTo(new ClusterConfig.Db2Instance(
                "db2inst1", "db2inst1", "db2fenc1", 50000, "/db2home/db2inst1",
                List.of(new ClusterConfig.Database("SALES", "/db2data", "UTF-8", "US"))));
        assertThat(c.backup()).isEqualTo(new ClusterConfig.Backup("/backup", "0 2 * * *", 14, List.of("SALES")));
        assertThat(c.management()).isEqualTo(new ClusterConfig.Management("192.168.122.1", 8740));
        assertThat(r.unreadable()).isEmpty();
    }

    @Test
    void aNodeWithoutHeartbeatGivesAConfigAndSaysWhatIsMissing() throws IOException {
        NodeFacts f = facts("sales-db1");
        NodeFacts noHeartbeat = new NodeFacts();
        f.outputs().forEach((k, v) -> {
            if (!k.equals("hacf") && !k.equals("haresources")) {
                noHeartbeat.put(k, v);
            }
        });
        noHeartbeat.fail("hacf", "`cat /etc/ha.d/ha.cf` exited 1: No such file or directory");
        noHeartbeat.fail("haresources", "`cat /etc/ha.d/haresources` exited 1: No such file or directory");

        Reconstruction r = ConfigAssembler.assemble(noHeartbeat, WorkstationSettings.defaults());

        assertThat(r.config().heartbeat()).isNull();
        assertThat(r.config().storage().volumeGroups()).isNotEmpty();
        assertThat(r.unreadable()).anySatisfy(u -> assertThat(u).startsWith("heartbeat").contains("ha.cf"));
        assertThat(r.unreadable()).anySatisfy(u -> assertThat(u).startsWith("network.serviceAddress"));
    }

    @Test
    void factsRoundTripThroughTheirTextFormatWithTheSecretMasked() throws IOException {
        NodeFacts f = facts("sales-db1");
        f.put("drbd-dump", f.get("drbd-dump").orElseThrow().replace("\"***\"", "\"s3cr3t-value\""));
        String text = NodeFactsFormat.write(f);
        assertThat(text).doesNotContain("s3cr3t-value");
        assertThat(NodeFactsFormat.read(text).get("lvs")).isEqualTo(f.get("lvs"));
    }

    @Test
    void theSecretIsMaskedAlsoAsDrbdadmReallyPrintsItBare() {
        // drbdadm dump (drbd-utils 9.22, 8.4 mode) on the lab's nodes: the hex secret without quotes.
        NodeFacts f = new NodeFacts().put("drbd-dump", "    net {\n        shared-secret    1ccc4c099b996ed1;\n"
                + "        cram-hmac-alg    sha1;\n    }\n");
        String text = NodeFactsFormat.write(f);
        assertThat(text).doesNotContain("1ccc4c099b996ed1").contains("shared-secret    \"***\";")
                .contains("cram-hmac-alg    sha1;");
    }

    @Test
    void readsTimedatectlsEtcUtcAsUtc() throws IOException {
        NodeFacts f = facts("sales-db1").put("timezone", "Etc/UTC\n");
        assertThat(ConfigAssembler.assemble(f, WorkstationSettings.defaults()).config().time().timezone())
                .isEqualTo("UTC");
        assertThat(ConfigAssembler.canonicalZone("Europe/Berlin")).isEqualTo("Europe/Berlin");
    }
}
