package org.hainstall.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.db2.Db2Probe;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Probe;
import org.hainstall.core.node.Shellcheck;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshServerExtension;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.storage.StorageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** status reads a node over a real SSH connection with one remote command, through the steps' own parsers. */
class StatusOverSshTest {
    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path dir;

    @Test
    void readsTheActiveNodeInOneRemoteCommand() throws Exception {
        SecretsStore store = SecretsStore.besideConfig(dir.resolve("test.yaml"));
        store.writeAdminKey(new KeyGenerator().ed25519(), "hainstall@test");
        store.pin("a", sshd.hostKey());
        sshd.authorize(store.adminPublicKey().orElseThrow());
        Map<Fact, CommandResult> node = Map.of(
                OsProbe.HEARTBEAT_ACTIVE, new CommandResult(0, "active\n", ""),
                DrbdProbe.PROC_DRBD, new CommandResult(0, "444\n" + StatusJudgementTest.PROC_DRBD_SYNCED, ""),
                StorageProbe.FINDMNT, new CommandResult(0, "{\"filesystems\": [{\"target\": \"/db2home\", \"source\":"
                        + " \"/dev/drbd0\", \"fstype\": \"ext4\"}, {\"target\": \"/db2data\", \"source\": \"/dev/drbd1\","
                        + " \"fstype\": \"ext4\"}]}", ""),
                OsProbe.IP_ADDR, new CommandResult(0, "[{\"ifname\": \"eth0\", \"addr_info\": [{\"family\": \"inet\","
                        + " \"local\": \"192.168.122.11\"}, {\"family\": \"inet\", \"local\": \"192.168.122.50\"}]}]", ""),
                Db2Probe.running("db2inst1"), new CommandResult(0, "4242\n", ""),
                Db2Probe.databases("db2inst1"), new CommandResult(0, """

                         System Database Directory

                         Number of entries in the directory = 1

                        Database 1 entry:

                         Database alias                       = SALES
                         Database name                        = SALES
                         Local database directory             = /db2data
                         Directory entry type                 = Indirect
                        """, ""));
        sshd.on(line -> line.startsWith("sh -s -- "), SshServerExtension.probe(c -> node.entrySet().stream()
                .filter(e -> e.getKey().command().line().equals(c.line())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("status read an unexpected fact: " + c.line()))));

        ClusterConfig one = oneNode(StatusJudgementTest.config());
        ClusterStatus status = new StatusReader(new SshShellFactory(store, SshOptions.DEFAULTS)).read(one);

        assertThat(sshd.commands()).hasSize(1);
        NodeStatus a = status.nodes().get(0);
        assertThat(a.reachable()).as(a.error()).isTrue();
        assertThat(a.heartbeatRunning()).isTrue();
        assertThat(a.drbd()).extracting(DrbdDevice::minor).containsExactly(0, 1);
        assertThat(a.primaryEverywhere()).isTrue();
        assertThat(a.mounted()).containsExactly("/db2home", "/db2data");
        assertThat(a.holdsServiceAddress()).isTrue();
        assertThat(a.runningInstances()).containsExactly("db2inst1");
        assertThat(a.databases()).containsExactly("SALES");
        assertThat(status.activeNode()).contains("a");
    }

    private ClusterConfig oneNode(ClusterConfig c) {
        return new ClusterConfig(c.cluster(), c.management(), new ClusterConfig.Access("root", sshd.port()),
                c.provisioning(), c.network(), c.time(), c.packages(),
                List.of(new ClusterConfig.Node("a", "127.0.0.1", null, true, null, null)), c.storage(),
                c.replication(), c.heartbeat(), c.db2(), c.backup());
    }

    @Test
    void theScriptStatusSendsIsCleanUnderShellcheck() throws Exception {
        Shellcheck.assertClean(Probe.of(StatusReader.facts(StatusJudgementTest.config())).script(), dir, "status");
    }
}
