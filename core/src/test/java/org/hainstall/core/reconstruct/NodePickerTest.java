package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;
import org.junit.jupiter.api.Test;

/**
 * Which node {@code reconstruct --config} reads. The shells are stand-ins that answer {@code cat /proc/drbd}, and the
 * look is that one command (the real probe is tested on a real SSH server in ReconstructOverSshTest, and through the
 * command line in app).
 */
class NodePickerTest {
    private static final String PRIMARY = " 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n"
            + " 1: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n";
    private static final String SECONDARY = " 0: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n"
            + " 1: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n";
    private static final String HALF = " 0: cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown C r-----\n"
            + " 1: cs:WFConnection ro:Secondary/Unknown ds:UpToDate/DUnknown C r-----\n";

    private static final ClusterConfig CLUSTER = new ClusterConfig(new ClusterConfig.ClusterInfo("c", null), null,
            null, null, null, null, null,
            List.of(new ClusterConfig.Node("db1", "10.0.0.1", null, true, null, null),
                    new ClusterConfig.Node("db2", "10.0.0.2", null, false, null, null)),
            null, null, null, null, null);

    /** A node's shell answering only {@code cat /proc/drbd}; null text: DRBD not loaded (exit 1). */
    private static final class DrbdNode implements Shell {
        private final String name;
        private final String procDrbd;
        final List<String> ran = new ArrayList<>();
        boolean closed;

        DrbdNode(String name, String procDrbd) {
            this.name = name;
            this.procDrbd = procDrbd;
        }

        @Override
        public String nodeName() {
            return name;
        }

        @Override
        public CommandResult run(Command command, Duration timeout, OutputListener output) {
            ran.add(command.line());
            return procDrbd == null ? new CommandResult(1, "", "cat: /proc/drbd: No such file or directory")
                    : new CommandResult(0, procDrbd, "");
        }

        @Override
        public void upload(byte[] content, String remotePath, int mode) {
            throw new AssertionError("picking a node writes nothing");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The look: one command per node, its output kept as the fact the picker decides from. */
    private static final NodePicker.Look LOOK = shell -> {
        CommandResult r = shell.run(Command.of("cat", "/proc/drbd"), Duration.ofSeconds(5));
        NodeFacts facts = r.ok() ? new NodeFacts().put("proc-drbd", r.stdout())
                : new NodeFacts().fail("proc-drbd", r.stderr());
        return new FactsCollector.WithSecrets(facts, null);
    };

    /** Opens the given shells by node name; a node without one refuses with a sentence naming it. */
    private static ShellFactory nodes(Map<String, DrbdNode> shells) {
        return (config, node) -> {
            DrbdNode shell = shells.get(node.name());
            if (shell == null) {
                throw new RemoteException(RemoteException.Kind.CONNECT, node.name() + " (" + node.address()
                        + ":22) refused the connection");
            }
            return shell;
        };
    }

    @Test
    void readsTheActiveNodeEvenWhenItIsNotTheFirstAndClosesTheOther() throws Exception {
        DrbdNode db1 = new DrbdNode("db1", SECONDARY);
        DrbdNode db2 = new DrbdNode("db2", PRIMARY);
        NodePicker.Picked picked = new NodePicker(nodes(Map.of("db1", db1, "db2", db2)), LOOK).pick(CLUSTER);
        assertThat(picked.node()).isEqualTo("db2");
        assertThat(picked.shell()).isSameAs(db2);
        assertThat(picked.why()).contains("active", "DRBD Primary");
        assertThat(picked.unread()).isEmpty();
        assertThat(db1.closed).isTrue();
        assertThat(db2.closed).isFalse();
        assertThat(db1.ran).containsExactly("cat /proc/drbd");
        // the chosen node's look is the one it was chosen by: one command per node, none sent again
        assertThat(db2.ran).containsExactly("cat /proc/drbd");
        assertThat(picked.look().facts().get("proc-drbd")).contains(PRIMARY);
    }

    @Test
    void aNodePrimaryOnOnlySomeResourcesIsNotTakenForTheActiveOne() throws Exception {
        NodePicker.Picked picked = new NodePicker(nodes(Map.of("db1", new DrbdNode("db1", SECONDARY),
                "db2", new DrbdNode("db2", HALF))), LOOK).pick(CLUSTER);
        assertThat(picked.node()).isEqualTo("db1");
        assertThat(picked.why()).contains("first node that answered", "none could be told active");
    }

    @Test
    void withoutAnActiveNodeReadsTheFirstThatAnswersAndKeepsTheOthersReason() throws Exception {
        DrbdNode db2 = new DrbdNode("db2", null);
        NodePicker.Picked picked = new NodePicker(nodes(Map.of("db2", db2)), LOOK).pick(CLUSTER);
        assertThat(picked.node()).isEqualTo("db2");
        assertThat(picked.why()).contains("first node that answered", "among those that answered");
        assertThat(picked.unread()).containsExactly("db1 (10.0.0.1:22) refused the connection");
    }

    @Test
    void whenNoNodeAnswersEachNodesReasonIsGiven() {
        NodePicker.NoNodeReadableException e = catchThrowableOfType(NodePicker.NoNodeReadableException.class,
                () -> new NodePicker(nodes(Map.of()), LOOK).pick(CLUSTER));
        assertThat(e.reasons()).containsExactly("db1 (10.0.0.1:22) refused the connection",
                "db2 (10.0.0.2:22) refused the connection");
    }
}
