package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
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
 * FAULTS 8, 10 and 11 end to end over a real SSH server: the run session, the real SSH shell factory and a step that
 * checks and acts through the node's shell. A connection cut mid-command leaves the step unknown in the journal,
 * and the next run checks the node before acting, so the command that may have finished is never sent twice.
 */
class SshFaultRunTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final Command CHECK = Command.of("drbdadm", "dump-md", "r0");
    private static final Command CREATE = Command.of("drbdadm", "create-md", "r0");

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();

    /** A step that creates DRBD metadata unless the node already shows it. */
    private static class MetadataStep implements Step {
        @Override
        public StepId id() {
            return StepId.onNode("drbd-metadata", "node1");
        }

        @Override
        public String title() {
            return "DRBD metadata";
        }

        @Override
        public Set<String> dependsOn() {
            return Set.of();
        }

        @Override
        public Check check(StepContext ctx) throws StepException {
            try {
                return ctx.shell().run(CHECK, T).ok() ? Check.satisfied("metadata in place")
                        : Check.change("create metadata", List.of(new Action.Run(CREATE)));
            } catch (RemoteException e) {
                throw new StepException(id(), "could not look at the metadata", e);
            }
        }

        @Override
        public void apply(StepContext ctx, Check.Change change) throws StepException {
            ActionExecutor.execute(ctx, change.actions());
        }
    }

    private ClusterConfig config() {
        return new ClusterConfig(new ClusterConfig.ClusterInfo("test", null), null,
                new ClusterConfig.Access("root", sshd.port()), null, null, null, null,
                List.of(new ClusterConfig.Node("node1", "127.0.0.1", null, true, null, null)),
                null, null, null, null, null);
    }

    private RunSession.Result run(SecretsStore store) throws Exception {
        return run(store, new MetadataStep());
    }

    private RunSession.Result run(SecretsStore store, Step step) throws Exception {
        // a short kill grace so the hang test does not wait long; no time is asserted
        SshOptions options = new SshOptions(Duration.ofSeconds(20), Duration.ofSeconds(15), Duration.ofMillis(200),
                Duration.ofSeconds(30));
        return new RunSession(config(), List.of(step), new SshShellFactory(store, options),
                Runs.NO_SECRETS, Runs.ANSWER_DONE, sink, StateFolder.forConfig(dir.resolve("test.yaml")),
                Clock.systemUTC(), RunSession.Options.apply(RunMode.MODIFY)).run();
    }

    private SecretsStore storeWithAdminKeyAndPin() {
        SecretsStore store = SecretsStore.besideConfig(dir.resolve("test.yaml"));
        store.writeAdminKey(new KeyGenerator().ed25519(), "hainstall@test");
        store.pin("node1", sshd.hostKey());
        return store;
    }

    @Test
    void aCommandCutOffByADroppedConnectionIsUnknownAndTheNextRunChecksBeforeActing() throws Exception {
        SecretsStore store = storeWithAdminKeyAndPin();
        sshd.authorize(store.adminPublicKey().orElseThrow());
        AtomicBoolean created = new AtomicBoolean();
        sshd.on(CHECK.line(), ctx -> created.get() ? 0 : 1);
        sshd.on(CREATE.line(), ctx -> {
            created.set(true); // it did finish on the node; the workstation cannot know
            ctx.stdout().println("initializing activity log");
            ctx.stdout().flush();
            throw ctx.dropConnection();
        });
        sshd.on(line -> true, SshServerExtension.print(0)); // the node lock's mkdir, upload, touch, rm

        RunSession.Result first = run(store);

        assertThat(first.run().success()).isFalse();
        assertThat(JournalFile.read(first.runFolder().resolve("journal.json")).orElseThrow().steps()
                .get(StepId.onNode("drbd-metadata", "node1")).outcome()).isEqualTo(Outcome.UNKNOWN);

        RunSession.Result second = run(store);

        assertThat(second.run().success()).isTrue();
        List<String> sent = sshd.commands().stream().filter(c -> c.startsWith("drbdadm")).toList();
        assertThat(sent).containsExactly(CHECK.line(), CREATE.line(), CHECK.line());
    }

    @Test
    void aRefusedLoginChangesNothingAndTheSameRunSucceedsOnceTheKeyIsAuthorized() throws Exception {
        SecretsStore store = storeWithAdminKeyAndPin();
        sshd.on(CHECK.line(), SshServerExtension.print(0));
        sshd.on(line -> true, SshServerExtension.print(0));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(store))
                .isInstanceOf(RemoteException.class)
                .hasMessageContaining("node1").hasMessageContaining("refused")
                .satisfies(e -> assertThat(((RemoteException) e).kind()).isEqualTo(RemoteException.Kind.AUTHENTICATION));
        assertThat(sshd.commands()).isEmpty();

        sshd.authorize(store.adminPublicKey().orElseThrow());
        assertThat(run(store).run().success()).isTrue();
        assertThat(sshd.commands()).contains(CHECK.line());
    }

    @Test
    void aHangingCommandIsKilledOnTheNodeAndItsStepFails() throws Exception {
        SecretsStore store = storeWithAdminKeyAndPin();
        sshd.authorize(store.adminPublicKey().orElseThrow());
        sshd.on(CHECK.line(), ctx -> 1);
        sshd.on(CREATE.line(), SshServerExtension.hang());
        sshd.on(line -> true, SshServerExtension.print(0));
        Step hanging = new MetadataStep() {
            @Override
            public Check check(StepContext ctx) throws StepException {
                return Check.change("create metadata", List.of(new Action.Run(CREATE, Duration.ofMillis(300))));
            }
        };

        RunSession.Result result = run(store, hanging);

        assertThat(result.run().results().get(StepId.onNode("drbd-metadata", "node1")).outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(result.run().results().get(StepId.onNode("drbd-metadata", "node1")).summary())
                .contains("node1").contains("drbdadm create-md r0");
        assertThat(result.run().results().get(StepId.onNode("drbd-metadata", "node1")).failure().code())
                .isEqualTo(ProblemCode.NODE_COMMAND_TIMEOUT);
        for (int i = 0; i < 200 && !sshd.signals().contains("KILL"); i++) {
            Thread.sleep(50); // the server side sees the signals on its own thread
        }
        assertThat(sshd.signals()).containsExactly("TERM", "KILL");
    }
}
