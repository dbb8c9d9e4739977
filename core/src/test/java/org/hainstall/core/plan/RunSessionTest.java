package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hainstall.core.plan.RunnerTest.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.OutputListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;
import org.hainstall.core.testing.TestShells;

class RunSessionTest {
    @TempDir
    Path dir;

    private final ClusterConfig config = TestClusters.minimal("sales-db");
    private final InMemoryNodeShell n1 = new InMemoryNodeShell("n1");
    private final InMemoryNodeShell n2 = new InMemoryNodeShell("n2");
    private final RecordingSink sink = new RecordingSink();

    private StateFolder state() {
        return StateFolder.forConfig(dir.resolve("sales-db.yaml"));
    }

    private RunSession session(List<Step> steps, RunSession.Options options) {
        return session(steps, options, Runs.NO_SECRETS);
    }

    private RunSession session(List<Step> steps, RunSession.Options options, SecretsView secrets) {
        return new RunSession(config, steps, TestShells.byName(Map.of("n1", n1, "n2", n2)), secrets,
                Runs.ANSWER_DONE, sink, state(), Clock.systemUTC(), options);
    }

    @Test
    void writesTheRunFolderBesideTheConfigWithJournalEventsAndOneLogPerNode() throws Exception {
        RunSession.Result result = session(List.of(ScriptedStep.on("n1", "packages"), ScriptedStep.on("n2", "packages"),
                ScriptedStep.cluster("drbd-connect", "packages")), RunSession.Options.apply(RunMode.MODIFY)).run();

        assertThat(result.runFolder().getParent()).isEqualTo(dir.resolve("sales-db.state/runs"));
        assertThat(result.runFolder().getFileName().toString()).matches("\\d{8}T\\d{6}Z-modify");
        for (String name : List.of("journal.json", "events.jsonl", "n1.log", "n2.log", "cluster.log")) {
            Path f = result.runFolder().resolve(name);
            assertThat(f).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("sales-db.state"))))
                .isEqualTo("rwx------");
        assertThat(Files.readString(result.runFolder().resolve("n1.log"))).contains("packages: changed")
                .doesNotContain("drbd-connect: started");
        assertThat(Files.readString(result.runFolder().resolve("cluster.log"))).contains("drbd-connect: started");
        assertThat(Files.readAllLines(result.runFolder().resolve("events.jsonl")))
                .first().asString().contains("\"type\":\"RunStarted\"");
        assertThat(JournalFile.read(result.runFolder().resolve("journal.json")).orElseThrow().state())
                .isEqualTo(JournalFile.RunState.SUCCEEDED);
        assertThat(n1.lockPresent()).isFalse();
        assertThat(n1.commands()).contains(NodeLock.ACQUIRE.line(), NodeLock.REMOVE.line());
    }

    @Test
    void resumesAKilledRunWithoutRedoingFinishedStepsAndReChecksTheOneThatWasRunning() throws Exception {
        ScriptedStep packages = ScriptedStep.on("n1", "packages");
        ScriptedStep otherPackages = ScriptedStep.on("n2", "packages");
        ScriptedStep lvm = ScriptedStep.on("n1", "lvm", "packages");
        ScriptedStep fs = ScriptedStep.on("n1", "fs", "lvm");
        Path[] snapshot = new Path[1];
        // The installer is killed while lvm runs: copy the state folder as it is at that moment, then stop.
        lvm.onApply(ctx -> {
            if (snapshot[0] == null) {
                snapshot[0] = copyOf(state().root());
                throw new IllegalStateException("simulated kill");
            }
        });
        List<Step> steps = List.of(packages, otherPackages, lvm, fs);
        session(steps, RunSession.Options.apply(RunMode.MODIFY)).run();
        // What a kill -9 leaves behind: the state folder as it was when lvm was running.
        restore(snapshot[0], state().root());
        Path crashedRun = onlyRun();
        assertThat(JournalFile.read(crashedRun.resolve("journal.json")).orElseThrow().state())
                .isEqualTo(JournalFile.RunState.RUNNING);
        assertThat(packages.applies.get()).isEqualTo(1);
        assertThat(otherPackages.applies.get()).isEqualTo(1);
        int lvmChecksBefore = lvm.checks.get();
        int packagesChecksBefore = packages.checks.get();

        RunSession.Result second = session(steps, RunSession.Options.apply(RunMode.MODIFY)).run();

        assertThat(second.run().success()).isTrue();
        assertThat(packages.applies.get()).isEqualTo(1);
        assertThat(packages.checks.get()).isEqualTo(packagesChecksBefore); // not even re-checked
        assertThat(otherPackages.applies.get()).isEqualTo(1);
        assertThat(lvm.checks.get()).isEqualTo(lvmChecksBefore + 2); // re-checked, applied, verified
        assertThat(lvm.applies.get()).isEqualTo(2);
        assertThat(fs.applies.get()).isEqualTo(1);
        assertThat(second.run().results().get(packages.id()).summary())
                .contains("finished in run " + crashedRun.getFileName());
        assertThat(sink.of(Event.Notice.class)).anySatisfy(n -> assertThat(n.message())
                .contains("resuming run " + crashedRun.getFileName()).contains("re-checking").contains("n1/lvm"));
        JournalFile.Snapshot journal = JournalFile.read(second.runFolder().resolve("journal.json")).orElseThrow();
        assertThat(journal.state()).isEqualTo(JournalFile.RunState.SUCCEEDED);
        assertThat(journal.steps().get(packages.id()).doneInRun()).isEqualTo(crashedRun.getFileName().toString());
    }

    @Test
    void cancelledRunRecordsItAndTheNextRunFinishesWithoutRedoingAnything() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        ScriptedStep packages = ScriptedStep.on("n1", "packages").onApply(ctx -> {
            running.countDown();
            await(mayEnd);
        });
        ScriptedStep lvm = ScriptedStep.on("n1", "lvm", "packages");
        List<Step> steps = List.of(packages, lvm);
        RunSession first = session(steps, RunSession.Options.apply(RunMode.MODIFY));
        CompletableFuture<RunSession.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return first.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await(running);
        first.cancel();
        mayEnd.countDown();
        RunSession.Result cancelled = run.join();
        assertThat(cancelled.run().cancelled()).isTrue();
        assertThat(JournalFile.read(cancelled.runFolder().resolve("journal.json")).orElseThrow().state())
                .isEqualTo(JournalFile.RunState.CANCELLED);
        assertThat(lvm.checks.get()).isZero();

        RunSession.Result second = session(steps, RunSession.Options.apply(RunMode.MODIFY)).run();
        assertThat(second.run().success()).isTrue();
        assertThat(packages.applies.get()).isEqualTo(1);
        assertThat(lvm.applies.get()).isEqualTo(1);
    }

    @Test
    void aSucceededRunIsNotResumedTheNextRunChecksEverything() throws Exception {
        ScriptedStep packages = ScriptedStep.on("n1", "packages");
        session(List.of(packages), RunSession.Options.apply(RunMode.MODIFY)).run();
        RunSession.Result second = session(List.of(packages), RunSession.Options.apply(RunMode.MODIFY)).run();
        assertThat(packages.checks.get()).isEqualTo(3); // check + verify, then check again
        assertThat(second.run().results().get(packages.id()).outcome()).isEqualTo(Outcome.OK);
        assertThat(second.run().changed()).isEmpty();
    }

    @Test
    void aRunOfAChangedConfigDoesNotResume() throws Exception {
        ScriptedStep packages = ScriptedStep.on("n1", "packages");
        ScriptedStep failing = ScriptedStep.on("n1", "lvm", "packages")
                .onApply(ctx -> { throw new StepException(ctx.stepId(), "vgcreate failed"); });
        session(List.of(packages, failing), RunSession.Options.apply(RunMode.MODIFY)).run();
        ClusterConfig edited = TestClusters.minimal("sales-db-edited");
        new RunSession(edited, List.of(packages), TestShells.byName(Map.of("n1", n1, "n2", n2)), Runs.NO_SECRETS,
                Runs.ANSWER_DONE, sink, state(), Clock.systemUTC(), RunSession.Options.apply(RunMode.MODIFY)).run();
        assertThat(packages.checks.get()).isEqualTo(3);
    }

    @Test
    void aRunFromAnotherWorkstationIsRefusedByTheNodeLockNamingTheHolder() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        ScriptedStep slow = ScriptedStep.on("n1", "packages").onApply(ctx -> {
            running.countDown();
            await(mayEnd);
        });
        CompletableFuture<RunSession.Result> first = runAsync(session(List.of(slow), RunSession.Options.apply(RunMode.MODIFY)));
        await(running);
        // Another workstation: its own copy of the config, so its own state folder.
        ScriptedStep other = ScriptedStep.on("n2", "packages");
        RunSession elsewhere = new RunSession(config, List.of(other), TestShells.byName(Map.of("n1", n1, "n2", n2)),
                Runs.NO_SECRETS, Runs.ANSWER_DONE, sink, StateFolder.forConfig(dir.resolve("ws2/sales-db.yaml")),
                Clock.systemUTC(), RunSession.Options.apply(RunMode.MODIFY));
        try {
            assertThatThrownBy(elsewhere::run)
                    .isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("n1: another hainstall run holds the lock /run/hainstall.lock")
                    .hasMessageContaining("-modify by ")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        } finally {
            mayEnd.countDown();
        }
        assertThat(other.checks.get()).isZero();
        assertThat(first.join().run().success()).isTrue();
        assertThat(n2.lockPresent()).isFalse(); // the refused run released what it had taken
        // The refused run's folder holds no journal, so it can never be mistaken for a run to resume.
        try (Stream<Path> runs = Files.list(dir.resolve("ws2/sales-db.state/runs"))) {
            assertThat(runs.filter(r -> Files.exists(r.resolve("journal.json"))).count()).isZero();
        }
    }

    @Test
    void aSecondRunOnThisWorkstationIsRefusedBeforeItContactsAnyNode() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        ScriptedStep slow = ScriptedStep.on("n1", "packages").onApply(ctx -> {
            running.countDown();
            await(mayEnd);
        });
        CompletableFuture<RunSession.Result> first = runAsync(session(List.of(slow), RunSession.Options.apply(RunMode.MODIFY)));
        await(running);
        int commandsBefore = n2.commands().size();
        try {
            assertThatThrownBy(() -> session(List.of(ScriptedStep.on("n2", "x")), RunSession.Options.apply(RunMode.MODIFY))
                    .run()).isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("another hainstall run on this workstation (pid "
                            + ProcessHandle.current().pid() + ")");
        } finally {
            mayEnd.countDown();
        }
        assertThat(n2.commands()).hasSize(commandsBefore);
        assertThat(first.join().run().success()).isTrue();
    }

    @Test
    void createConnectsToANodeOnlyWhenAStepFirstNeedsItAndLocksItThen() throws Exception {
        ScriptedStep provision = ScriptedStep.cluster("provision").onApply(ctx -> {
            if (!n1.commands().isEmpty()) {
                throw new StepException(ctx.stepId(), "a node was contacted before it was provisioned");
            }
        });
        ScriptedStep packages = ScriptedStep.on("n1", "packages", "provision")
                .actions(new Action.Run(Command.of("apt-get", "install", "-y", "drbd-utils")));
        RunSession.Result result = session(List.of(provision, packages),
                RunSession.Options.apply(RunMode.CREATE).connectingOnFirstUse()).run();
        assertThat(result.run().success()).isTrue();
        assertThat(n1.commands()).contains(NodeLock.ACQUIRE.line(), NodeLock.REMOVE.line());
        assertThat(n2.commands()).isEmpty(); // no step needed n2
    }

    private static CompletableFuture<RunSession.Result> runAsync(RunSession session) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return session.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void noSecretReachesTheEventsTheLogsOrTheJournal() throws Exception {
        String secret = "hb-authkey-0f9e8d7c6b5a4f3e2d1c";
        ScriptedStep authkeys = ScriptedStep.on("n1", "heartbeat-authkeys")
                .actions(new Action.WriteFile("/etc/ha.d/authkeys", "auth 1\n1 sha1 " + secret + "\n", 0600, true),
                        new Action.Run(Command.of("cat", "/etc/ha.d/authkeys")));
        n1.answer("cat /etc/ha.d/authkeys", c -> new org.hainstall.core.remote.CommandResult(0,
                "auth 1\n1 sha1 " + secret + "\n", ""));
        ScriptedStep failing = ScriptedStep.on("n2", "echo").onApply(ctx -> {
            String key = ctx.secrets().heartbeatAuthKey();
            ctx.output().line(OutputListener.Stream.STDERR, "unexpected 1 sha1 " + key);
            throw new StepException(ctx.stepId(), "refused key " + key);
        });
        SecretsView secrets = new SecretsView() {
            @Override
            public String heartbeatAuthKey() {
                return secret;
            }

            @Override
            public String drbdSecret(String resourceName) {
                return "drbd-secret-unused-in-this-test";
            }
        };
        RunSession.Result result = session(List.of(authkeys, failing), RunSession.Options.apply(RunMode.MODIFY), secrets)
                .run();

        assertThat(n1.file("/etc/ha.d/authkeys")).contains(secret); // the node got it
        try (Stream<Path> files = Files.list(result.runFolder())) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).as(f.getFileName().toString()).doesNotContain(secret);
            }
        }
        assertThat(Files.readString(result.runFolder().resolve("events.jsonl")))
                .contains("(secret content, ").contains("***");
        assertThat(sink.events()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
    }

    @Test
    void aRunThatCannotReachANodeChangesNothingAndSaysWhich() {
        ScriptedStep packages = ScriptedStep.on("n1", "packages");
        RunSession s = new RunSession(config, List.of(packages), TestShells.byName(Map.of("n1", n1)),
                Runs.NO_SECRETS, Runs.ANSWER_DONE, sink, state(), Clock.systemUTC(),
                RunSession.Options.apply(RunMode.MODIFY));
        assertThatThrownBy(s::run).hasMessageContaining("n2: unreachable");
        assertThat(packages.checks.get()).isZero();
        assertThat(n1.lockPresent()).isFalse();
    }

    @Test
    void aStepCutOffByALostConnectionIsRecordedUnknownAndReCheckedByTheNextRun() throws Exception {
        boolean[] drop = {true};
        ScriptedStep packages = ScriptedStep.on("n1", "packages").onApply(ctx -> {
            if (drop[0]) {
                drop[0] = false;
                throw new StepException(ctx.stepId(), "apt-get did not finish", new org.hainstall.core.remote
                        .RemoteException(org.hainstall.core.remote.RemoteException.Kind.CONNECTION_LOST,
                        "n1: connection closed by the peer"));
            }
        });
        RunSession.Result first = session(List.of(packages), RunSession.Options.apply(RunMode.MODIFY)).run();
        assertThat(JournalFile.read(first.runFolder().resolve("journal.json")).orElseThrow().steps()
                .get(packages.id()).outcome()).isEqualTo(Outcome.UNKNOWN);

        RunSession.Result second = session(List.of(packages), RunSession.Options.apply(RunMode.MODIFY)).run();
        assertThat(second.run().success()).isTrue();
        assertThat(packages.checks.get()).isEqualTo(3); // first run: check; second: check, verify
        assertThat(packages.applies.get()).isEqualTo(2);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(state().runs())) {
            return runs.toList().stream().reduce((a, b) -> {
                throw new AssertionError("more than one run: " + a + ", " + b);
            }).orElseThrow();
        }
    }

    private Path copyOf(Path src) {
        try {
            Path target = Files.createTempDirectory(dir, "snapshot");
            copyTree(src, target);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restore(Path snapshot, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        copyTree(snapshot, target);
    }

    private static void copyTree(Path src, Path target) throws IOException {
        // The other node's step may be writing the journal meanwhile: its temp file can vanish under the walk.
        // journal.json itself is only ever replaced by a rename, so whichever version is copied is whole.
        List<Path> all;
        try (Stream<Path> walk = Files.walk(src)) {
            all = walk.filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList();
        }
        for (Path p : all) {
            Path t = target.resolve(src.relativize(p).toString());
            try {
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            } catch (java.nio.file.NoSuchFileException vanished) {
                // a temp file renamed away between the walk and the copy
            }
        }
    }
}
