package org.hainstall.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.workflow.NodeStepCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

/** create --dry-run: every step checked against blank node models plans a change, and nothing runs. */
class BlankNodeDryRunTest {

    private static ClusterConfig withImage(ClusterConfig c, Path image) {
        return new ClusterConfig(c.cluster(), c.management(), c.access(), c.provisioning(), c.network(), c.time(),
                c.packages(), c.nodes(), c.storage(), c.replication(), c.heartbeat(),
                new ClusterConfig.Db2(c.db2().installPath(), image.toString(), c.db2().instances()), c.backup());
    }

    @Test
    void everyStepPlansAChangeOnBlankNodes(@TempDir Path dir) throws Exception {
        Path image = Files.writeString(dir.resolve("db2.tar.gz"), "not a real image");
        ClusterConfig config = withImage(TestClusters.example(), image);
        Map<String, Shell> shells = new LinkedHashMap<>();
        for (ClusterConfig.Node n : config.nodes()) {
            shells.put(n.name(), new BlankNodeModel(config, n));
        }
        List<String> plan = new ArrayList<>();
        for (Step step : NodeStepCatalog.steps(config)) {
            Check check = step.check(new TestContext(step.id(), config, shells));
            if (check instanceof Check.Change c) {
                plan.add(step.id() + ": " + c.description());
                c.actions().stream().map(Action::describe).forEach(d -> plan.add("  " + d));
            } else {
                plan.add(step.id() + ": ok — " + ((Check.Satisfied) check).summary());
            }
        }
        String text = String.join("\n", plan).replace(image.toString(), "IMAGE") + "\n";
        Path golden = Path.of("src/test/resources/org/hainstall/core/node/create-dry-run.golden");
        if (Boolean.getBoolean("hainstall.updateGolden")) {
            Files.writeString(golden, text);
        }
        assertThat(text).as("the plan for blank nodes; regenerate with -Dhainstall.updateGolden=true and review")
                .isEqualTo(Files.readString(golden));
        assertThat(text).contains("sales-db1/disks: partition blank disk /dev/vdb (GPT)")
                .contains("sales-db2/lvm: pvcreate /dev/vdb1")
                .contains("run: drbdadm create-md db2home")
                .contains("drbd-initial-primary: on sales-db1: db2home: primary --force")
                .contains("mkfs.ext4 /dev/drbd0").contains("  run: mount -t ext4 /dev/drbd1 /db2data")
                .contains("sales-db1/db2-instance: active node: ")
                .contains("sales-db2/db2-instance: standby: ")
                .contains("sales-db1/databases: create database SALES in db2inst1")
                .contains("heartbeat-start: on sales-db1: ")
                .doesNotContain("drbd-secret-").doesNotContain("hb-key-for-tests");
        assertThat(text.lines().filter(l -> l.contains(": ok — ")))
                .as("only the preflight, the standby's databases and the sync wait need nothing on blank nodes")
                .allMatch(l -> l.contains("storage-preflight") || l.contains("sales-db2/databases")
                        || l.contains("sales-db2/db2-move") || l.contains("sales-db1/db2-move")
                        || l.contains("wait-sync"));
    }

    @Test
    void theModelRunsNothing() {
        ClusterConfig config = TestClusters.example();
        BlankNodeModel model = new BlankNodeModel(config, config.nodes().get(0));
        assertThatThrownBy(() -> model.run(org.hainstall.core.remote.Command.of("mkfs", "-t", "ext4", "/dev/vdb"),
                java.time.Duration.ofSeconds(1))).hasMessageContaining("not a read-only command");
        assertThatThrownBy(() -> model.upload(new byte[0], "/etc/x", 0644)).hasMessageContaining("nothing is written");
    }
}
