package org.hainstall.core.plan;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.junit.jupiter.api.Test;

class RunnerTest {
    private final RecordingSink sink = new RecordingSink();

    @Test
    void runsEachStepAfterTheStepsItDependsOn() {
        List<Step> steps = List.of(
                ScriptedStep.on("n1", "fs", "lvm"), ScriptedStep.on("n1", "lvm", "packages"),
                ScriptedStep.on("n1", "packages"));
        RunResult result = Runs.apply(sink, steps);
        assertThat(sink.startOrder()).containsExactly(
                StepId.onNode("packages", "n1"), StepId.onNode("lvm", "n1"), StepId.onNode("fs", "n1"));
        assertThat(result.success()).isTrue();
        assertThat(result.changed()).hasSize(3);
    }

    @Test
    void runsTheTwoNodesIndependentStepsSideBySide() throws Exception {
        // Each node's step waits at the barrier until the other node's step is also running: the run can only
        // finish when the two overlap.
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        ScriptedStep.Body meet = ctx -> {
            try {
                bothRunning.await(30, SECONDS);
            } catch (Exception e) {
                throw new StepException(ctx.stepId(), "the other node's step never ran at the same time");
            }
        };
        ScriptedStep a = ScriptedStep.on("n1", "packages").onApply(meet);
        ScriptedStep b = ScriptedStep.on("n2", "packages").onApply(meet);
        RunResult result = Runs.apply(sink, List.of(a, b));
        assertThat(result.results().values()).extracting(StepResult::outcome).containsOnly(Outcome.CHANGED);
    }

    @Test
    void runsOneStepAtATimeOnOneNode() {
        AtomicReference<String> overlap = new AtomicReference<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        ScriptedStep first = ScriptedStep.on("n1", "a").onApply(ctx -> {
            firstRunning.countDown();
            await(firstMayEnd);
        });
        ScriptedStep second = ScriptedStep.on("n1", "b").onCheck(ctx -> {
            if (firstMayEnd.getCount() > 0) {
                overlap.set("b started while a was running");
            }
        });
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> Runs.apply(sink, List.of(first, second)));
        await(firstRunning);
        firstMayEnd.countDown();
        assertThat(run.join().success()).isTrue();
        assertThat(overlap.get()).isNull();
    }

    @Test
    void clusterWideStepStartsOnlyAfterItsDependencyOnBothNodes() {
        List<Step> steps = List.of(
                ScriptedStep.on("n1", "drbd-up"), ScriptedStep.on("n2", "drbd-up", "slow"), ScriptedStep.on("n2", "slow"),
                ScriptedStep.cluster("drbd-connect", "drbd-up"));
        Runs.apply(sink, steps);
        List<StepId> order = sink.of(Event.StepFinished.class).stream().map(Event.StepFinished::step).toList();
        assertThat(order.indexOf(StepId.cluster("drbd-connect")))
                .isGreaterThan(order.indexOf(StepId.onNode("drbd-up", "n1")))
                .isGreaterThan(order.indexOf(StepId.onNode("drbd-up", "n2")));
    }

    @Test
    void failedStepSkipsEverythingThatDependsOnItAndIndependentWorkGoesOn() {
        ScriptedStep failing = ScriptedStep.on("n1", "packages")
                .onApply(ctx -> { throw new StepException(ctx.stepId(), "apt-get failed"); });
        ScriptedStep lvm = ScriptedStep.on("n1", "lvm", "packages");
        ScriptedStep fs = ScriptedStep.on("n1", "fs", "lvm");
        ScriptedStep barrier = ScriptedStep.cluster("drbd-connect", "lvm");
        ScriptedStep otherNode = ScriptedStep.on("n2", "packages");
        ScriptedStep otherNodeLvm = ScriptedStep.on("n2", "lvm", "packages");
        RunResult result = Runs.apply(sink, List.of(failing, lvm, fs, barrier, otherNode, otherNodeLvm));

        assertThat(result.results().get(failing.id()).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.results().get(failing.id()).summary()).contains("n1/packages").contains("apt-get failed");
        assertThat(result.results().get(lvm.id()).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.results().get(fs.id()).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.results().get(barrier.id()).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.results().get(fs.id()).summary()).contains("n1/packages failed");
        assertThat(lvm.checks.get() + fs.checks.get() + barrier.checks.get()).isZero();
        assertThat(result.results().get(otherNode.id()).outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(result.results().get(otherNodeLvm.id()).outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(result.success()).isFalse();
        assertThat(sink.of(Event.RunFinished.class)).singleElement()
                .satisfies(f -> assertThat(f.failed()).isEqualTo(1));
    }

    @Test
    void stepThatStillNeedsAChangeAfterApplyingFails() {
        Step stubborn = new ScriptedStep(StepId.onNode("ntp", "n1")) {
            @Override
            public Check check(StepContext ctx) {
                return Check.change("configure chrony", List.of());
            }
        };
        RunResult result = Runs.apply(sink, List.of(stubborn));
        assertThat(result.results().get(stubborn.id()).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.results().get(stubborn.id()).summary()).contains("still not as the config asks");
        assertThat(result.results().get(stubborn.id()).failure().code()).isEqualTo(ProblemCode.CHANGE_NOT_EFFECTIVE);
    }

    @Test
    void satisfiedStepIsNotApplied() {
        ScriptedStep done = ScriptedStep.on("n1", "packages").satisfied();
        RunResult result = Runs.apply(sink, List.of(done));
        assertThat(done.applies.get()).isZero();
        assertThat(result.results().get(done.id()).outcome()).isEqualTo(Outcome.OK);
        assertThat(sink.of(Event.ChangePlanned.class)).isEmpty();
    }

    @Test
    void cancelLetsTheRunningStepFinishAndStartsNothingNew() {
        CountDownLatch aRunning = new CountDownLatch(1);
        CountDownLatch aMayEnd = new CountDownLatch(1);
        ScriptedStep a = ScriptedStep.on("n1", "packages").onApply(ctx -> {
            aRunning.countDown();
            await(aMayEnd);
        });
        ScriptedStep b = ScriptedStep.on("n1", "lvm", "packages");
        ScriptedStep c = ScriptedStep.on("n1", "fs", "lvm");
        Runner runner = Runs.runner(sink);
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
                () -> runner.run("r", RunMode.MODIFY, RunEffect.APPLY, List.of(a, b, c)));
        await(aRunning);
        runner.cancel();
        aMayEnd.countDown();
        RunResult result = run.join();

        assertThat(result.cancelled()).isTrue();
        assertThat(result.results().get(a.id()).outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(result.results().get(b.id()).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.results().get(b.id()).summary()).contains("cancelled");
        assertThat(b.checks.get() + c.checks.get()).isZero();
        assertThat(result.changed()).containsExactly(a.id());
        assertThat(sink.of(Event.RunFinished.class)).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("Cancelled").contains("Changed: n1/packages"));
    }

    @Test
    void interruptingTheRunnerCancelsAtAStepBoundary() throws Exception {
        CountDownLatch aRunning = new CountDownLatch(1);
        CountDownLatch aMayEnd = new CountDownLatch(1);
        ScriptedStep a = ScriptedStep.on("n1", "packages").onApply(ctx -> {
            aRunning.countDown();
            await(aMayEnd);
        });
        ScriptedStep b = ScriptedStep.on("n1", "lvm", "packages");
        AtomicReference<RunResult> result = new AtomicReference<>();
        Thread runThread = new Thread(() -> result.set(Runs.apply(sink, List.of(a, b))));
        runThread.start();
        await(aRunning);
        runThread.interrupt();
        aMayEnd.countDown();
        runThread.join();
        assertThat(result.get().cancelled()).isTrue();
        assertThat(result.get().results().get(a.id()).outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(b.checks.get()).isZero();
    }

    @Test
    void cancelAnswersAnOpenPromptWithCancel() {
        CountDownLatch asked = new CountDownLatch(1);
        AtomicReference<Prompt.Answer> answer = new AtomicReference<>();
        CompletableFuture<Prompt.Answer> neverAnswered = new CompletableFuture<>();
        ScriptedStep powerOn = ScriptedStep.on("n1", "power-on").onApply(ctx -> {
            CompletableFuture<Prompt.Answer> f = ctx.prompter().ask(new Prompt("p1", "n1", "Power on", "power on n1"));
            asked.countDown();
            answer.set(f.join());
        });
        Runner runner = new Runner(RunTarget.of(null, Map.of(), Runs.NO_SECRETS, p -> neverAnswered), sink,
                RunJournal.none(), Clock.systemUTC(), new Redactor());
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
                () -> runner.run("r", RunMode.CREATE, RunEffect.APPLY, List.of(powerOn)));
        await(asked);
        runner.cancel();
        run.join();
        assertThat(answer.get()).isEqualTo(Prompt.Answer.CANCEL);
        assertThat(sink.of(Event.PromptRequested.class)).hasSize(1);
        assertThat(sink.of(Event.PromptAnswered.class)).singleElement()
                .satisfies(e -> assertThat(e.answer()).isEqualTo(Prompt.Answer.CANCEL));
    }

    @Test
    void lostConnectionLeavesTheStepUnknownAndSkipsItsDependants() {
        ScriptedStep dropped = ScriptedStep.on("n1", "packages").onApply(ctx -> {
            throw new StepException(ctx.stepId(), "apt-get did not finish",
                    new RemoteException(RemoteException.Kind.CONNECTION_LOST, "n1: connection closed"));
        });
        ScriptedStep next = ScriptedStep.on("n1", "lvm", "packages");
        RunResult result = Runs.apply(sink, List.of(dropped, next));
        assertThat(result.results().get(dropped.id()).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.results().get(dropped.id()).summary()).contains("re-checks");
        assertThat(result.results().get(next.id()).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.anyFailed()).isTrue();
    }

    @Test
    void dryRunChecksEveryStepAndAppliesNothing() {
        ScriptedStep packages = ScriptedStep.on("n1", "packages").actions(new Action.Run(
                org.hainstall.core.remote.Command.of("apt-get", "install", "-y", "drbd-utils")));
        ScriptedStep ntp = ScriptedStep.on("n1", "ntp", "packages").satisfied();
        ScriptedStep lvm = ScriptedStep.on("n1", "lvm", "packages")
                .onCheck(ctx -> { throw new StepException(ctx.stepId(), "lvs: command not found"); });
        Runner runner = Runs.runner(sink);
        RunResult result = runner.run("r", RunMode.MODIFY, RunEffect.DRY_RUN, List.of(packages, ntp, lvm));

        assertThat(packages.applies.get() + ntp.applies.get() + lvm.applies.get()).isZero();
        assertThat(ntp.checks.get()).isEqualTo(1);
        assertThat(result.results().get(packages.id()).summary()).isEqualTo("dry run: would set up packages");
        assertThat(result.results().get(lvm.id()).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.results().get(lvm.id()).summary()).startsWith("undecided until n1/packages applied");
        assertThat(result.success()).isTrue();
        assertThat(sink.of(Event.ChangePlanned.class)).singleElement()
                .satisfies(e -> assertThat(e.actions()).containsExactly("run: apt-get install -y drbd-utils"));
    }

    @Test
    void secretThatAStepReadsIsMaskedInEveryEvent() {
        String secret = "s3cr3t-drbd-shared-key-0123456789";
        SecretsView secrets = new SecretsView() {
            @Override
            public String heartbeatAuthKey() {
                return "unused";
            }

            @Override
            public String drbdSecret(String resourceName) {
                return secret;
            }
        };
        ScriptedStep leaky = ScriptedStep.on("n1", "drbd").onApply(ctx -> {
            String value = ctx.secrets().drbdSecret("r0");
            ctx.output().line(OutputListener.Stream.STDOUT, "shared-secret \"" + value + "\";");
            throw new StepException(ctx.stepId(), "drbdadm rejected " + value);
        });
        Runner runner = new Runner(RunTarget.of(null, Map.of(), secrets, Runs.ANSWER_DONE), sink,
                RunJournal.none(), Clock.systemUTC(), new Redactor());
        runner.run("r", RunMode.MODIFY, RunEffect.APPLY, List.of(leaky));
        assertThat(sink.events()).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
        assertThat(sink.of(Event.OutputLine.class)).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo("shared-secret \"***\";"));
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
