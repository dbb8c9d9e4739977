package org.hainstall.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.plan.Outcome;
import org.hainstall.core.plan.Prompt;
import org.hainstall.core.plan.Redactor;
import org.hainstall.core.plan.RunJournal;
import org.hainstall.core.plan.RunEffect;
import org.hainstall.core.plan.RunResult;
import org.hainstall.core.plan.RunTarget;
import org.hainstall.core.plan.Runner;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.workflow.NodeStepCatalog;
import org.junit.jupiter.api.Test;
import org.hainstall.core.testing.TestClusters;
import org.hainstall.core.plan.RunMode;

/**
 * FAULTS 20 with the real step catalog and the real runner: on two blank nodes whose apt-get install fails, the run
 * stops before any command that writes to a disk is sent, and every disk step is skipped.
 */
class PackageFailureTest {
    private final ClusterConfig config = TestClusters.example();

    /** Answers reads as a blank node; records every write, and fails apt-get install as a broken mirror would. */
    private static final class BrokenMirrorNode implements Shell {
        private final BlankNodeModel blank;
        private final String name;
        final List<String> writes = new CopyOnWriteArrayList<>();

        BrokenMirrorNode(ClusterConfig config, ClusterConfig.Node node) {
            this.blank = new BlankNodeModel(config, node);
            this.name = node.name();
        }

        @Override
        public String nodeName() {
            return name;
        }

        @Override
        public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
            try {
                return blank.run(command, timeout, output);
            } catch (RemoteException notARead) {
                String line = command.line();
                writes.add(line);
                return line.contains("apt-get") && line.contains(" install ")
                        ? new CommandResult(100, "", "E: Unable to locate package drbd-utils\n")
                        : new CommandResult(0, "", "");
            }
        }

        /** A probe reads only: the blank node answers it. */
        @Override
        public CommandResult runScript(String script, List<String> args, Duration timeout, OutputListener output)
                throws RemoteException {
            return blank.runScript(script, args, timeout, output);
        }

        @Override
        public void upload(byte[] content, String remotePath, int mode) {
            writes.add("upload " + remotePath);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aFailedPackageInstallStopsTheRunBeforeAnyDiskIsTouched() {
        Map<String, BrokenMirrorNode> nodes = new LinkedHashMap<>();
        config.nodes().forEach(n -> nodes.put(n.name(), new BrokenMirrorNode(config, n)));
        SecretsView secrets = new SecretsView() {
            @Override
            public String heartbeatAuthKey() {
                return "0123456789abcdef0123456789abcdef";
            }

            @Override
            public String drbdSecret(String resourceName) {
                return "fedcba9876543210fedcba9876543210";
            }
        };
        Runner runner = new Runner(RunTarget.of(config, nodes, secrets,
                p -> CompletableFuture.completedFuture(Prompt.Answer.DONE)), e -> { }, RunJournal.none(),
                Clock.systemUTC(), new Redactor());

        RunResult result = runner.run("test-run", RunMode.CREATE, RunEffect.APPLY, NodeStepCatalog.steps(config));

        for (String node : nodes.keySet()) {
            assertThat(result.results().get(StepId.onNode(StepNames.PACKAGES, node)).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.results().get(StepId.onNode(StepNames.PACKAGES, node)).failure())
                    .satisfies(f -> assertThat(f.code()).isEqualTo(ProblemCode.COMMAND_FAILED))
                    .satisfies(f -> assertThat(f.cause()).contains("apt-get", "Unable to locate package drbd-utils"));
            for (String diskStep : List.of(StepNames.DISKS, StepNames.LVM, StepNames.DRBD_METADATA)) {
                assertThat(result.results().get(StepId.onNode(diskStep, node)).outcome())
                        .as(diskStep + " on " + node).isEqualTo(Outcome.SKIPPED);
            }
            assertThat(nodes.get(node).writes).as("what was sent to " + node)
                    .anyMatch(l -> l.contains("apt-get") && l.contains(" install "))
                    .noneMatch(l -> !l.contains("apt-get") // package names such as parted are not commands
                            && l.matches(".*\\b(sfdisk|parted|wipefs|pvcreate|vgcreate|lvcreate|mkfs|dd|drbdadm)\\b.*"));
        }
    }
}
