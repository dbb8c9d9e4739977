package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshServerExtension;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An applying run tells, per node, how many remote commands it sent (one SSH exec each) — checked against what a
 * real SSH server received while the run was going.
 */
class RemoteCommandCountTest {
    private static final Duration T = Duration.ofSeconds(30);

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path dir;

    /** Runs {@code commands} checks and an upload on node1: some exits non-zero, which still count. */
    private record ChattyStep(int commands) implements Step {
        @Override
        public StepId id() {
            return StepId.onNode("chatty", "node1");
        }

        @Override
        public String title() {
            return "many small commands";
        }

        @Override
        public Set<String> dependsOn() {
            return Set.of();
        }

        @Override
        public Check check(StepContext ctx) throws StepException {
            try {
                for (int i = 0; i < commands; i++) {
                    ctx.shell().run(Command.of("test", "-e", "/etc/file" + i), T);
                }
                ctx.shell().upload("x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "/etc/chatty.conf", 0644);
                return Check.satisfied("looked " + commands + " times");
            } catch (RemoteException e) {
                throw new StepException(id(), "could not look", e);
            }
        }

        @Override
        public void apply(StepContext ctx, Check.Change change) {
            throw new AssertionError("nothing to apply");
        }
    }

    @Test
    void anApplyingRunReportsPerNodeTheRemoteCommandsTheServerReceived() throws Exception {
        SecretsStore store = SecretsStore.besideConfig(dir.resolve("test.yaml"));
        store.writeAdminKey(new KeyGenerator().ed25519(), "hainstall@test");
        store.pin("node1", sshd.hostKey());
        sshd.authorize(store.adminPublicKey().orElseThrow());
        sshd.on(line -> line.startsWith("test -e /etc/file1"), SshServerExtension.print(1));
        sshd.on(line -> true, SshServerExtension.print(0)); // the checks, the upload, the node lock's commands
        // What the server had received at the moment each node's notice was published.
        Map<String, Integer> receivedAtNotice = new ConcurrentHashMap<>();
        RecordingSink events = new RecordingSink();
        EventSink sink = event -> {
            if (event instanceof Event.Notice n && n.node() != null) {
                receivedAtNotice.put(n.node(), sshd.commands().size());
            }
            events.publish(event);
        };

        RunSession.Result result = new RunSession(config(), List.of(new ChattyStep(7)),
                new SshShellFactory(store, SshOptions.DEFAULTS), Runs.NO_SECRETS, Runs.ANSWER_DONE, sink,
                StateFolder.forConfig(dir.resolve("test.yaml")), Clock.systemUTC(), RunSession.Options.apply(RunMode.MODIFY))
                .run();

        assertThat(result.run().success()).isTrue();
        assertThat(sshd.commands().stream().filter(c -> c.startsWith("test -e"))).hasSize(7);
        int received = receivedAtNotice.get("node1");
        assertThat(received).isGreaterThan(8); // the 7 checks, the upload, the node lock
        List<Event.Notice> notices = events.of(Event.Notice.class).stream()
                .filter(n -> "node1".equals(n.node())).toList();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).level()).isEqualTo(Event.Notice.Level.INFO);
        assertThat(notices.get(0).message()).matches(received + " remote commands in \\d+\\.\\d s");
        // published before the run's last event, so every listener sees it
        List<Event> all = events.events();
        assertThat(all.indexOf(notices.get(0))).isEqualTo(all.size() - 2);
        assertThat(all.get(all.size() - 1)).isInstanceOf(Event.RunFinished.class);
        assertThat(Files.readString(result.runFolder().resolve("node1.log")))
                .contains(received + " remote commands in");
        assertThat(Files.readString(result.runFolder().resolve("events.jsonl")))
                .contains("\"node\":\"node1\",\"level\":\"INFO\",\"message\":\"" + received + " remote commands in");
    }

    private ClusterConfig config() {
        return new ClusterConfig(new ClusterConfig.ClusterInfo("test", null), null,
                new ClusterConfig.Access("root", sshd.port()), null, null, null, null,
                List.of(new ClusterConfig.Node("node1", "127.0.0.1", null, true, null, null)),
                null, null, null, null, null);
    }
}
