package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hainstall.core.config.Problem;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.Outcome;
import org.hainstall.core.plan.Prompt;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.usecase.RunHandle;
import org.hainstall.core.plan.RunMode;
import org.hainstall.core.usecase.RunRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run the wizard starts, from its engine port ({@link GuiWorkflows}) through core's {@code ClusterRun.start} to
 * core's real {@code RunSession}, with test steps and stand-in nodes: the behaviour lives in core's use case, the
 * fixtures (stand-in nodes and steps) are the command line's.
 */
class GuiWorkflowsTest {
    @TempDir
    Path dir;
    private final GuiEngineFixture fixture = new GuiEngineFixture();
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    private Path configFile() throws Exception {
        return Files.writeString(dir.resolve("sales-db.yaml"), "# the wizard saved it\n");
    }

    @Test
    void modifyRunsTheStepsOnTheNodesAndReportsEveryEventAndItsLogFolder() throws Exception {
        Path file = configFile();
        RunHandle handle = fixture.engine().start(new RunRequest(CliTest.CONFIG, file, RunMode.MODIFY, false),
                events::add, p -> CompletableFuture.completedFuture(Prompt.Answer.CANCEL));
        handle.finished().get(20, TimeUnit.SECONDS);

        assertThat(fixture.n1.commands()).contains("setup packages", "setup drbd-connect");
        assertThat(fixture.n2.commands()).contains("setup packages");
        assertThat(events).filteredOn(e -> e instanceof Event.StepFinished).extracting(e -> (Event.StepFinished) e)
                .extracting(Event.StepFinished::outcome).containsOnly(Outcome.CHANGED).hasSize(3);
        assertThat(events.get(events.size() - 1)).isInstanceOf(Event.RunFinished.class);
        assertThat(((Event.RunFinished) events.get(events.size() - 1)).success()).isTrue();
        assertThat(fixture.prepared).containsExactly(file.toAbsolutePath().toString());
        assertThat(handle.logFolder()).isPresent();
        assertThat(handle.logFolder().get()).isDirectory().startsWith(dir.resolve("sales-db.state"));
    }

    @Test
    void aPromptIsAskedThroughTheWizardsPrompterAndTheRunGoesOnWhenItIsAnswered() throws Exception {
        fixture.steps = List.of(new CliStep(StepId.onNode("power-on", "n1"), CliStep.Kind.PROMPT));
        LinkedBlockingQueue<CompletableFuture<Prompt.Answer>> asked = new LinkedBlockingQueue<>();
        RunHandle handle = fixture.engine().start(new RunRequest(CliTest.CONFIG, configFile(), RunMode.CREATE, false),
                events::add, p -> {
                    CompletableFuture<Prompt.Answer> f = new CompletableFuture<>();
                    asked.add(f);
                    return f;
                });
        CompletableFuture<Prompt.Answer> answer = asked.poll(20, TimeUnit.SECONDS);
        assertThat(answer).isNotNull();
        assertThat(handle.finished()).isNotDone();
        answer.complete(Prompt.Answer.DONE);
        handle.finished().get(20, TimeUnit.SECONDS);
        assertThat(fixture.n1.commands()).contains("setup power-on");
        assertThat(fixture.prepared).allMatch(p -> p.endsWith(" creating"));
    }

    @Test
    void createDryRunPlansAgainstBlankNodesContactsNothingAndNeedsNoSavedFile() throws Exception {
        RunHandle handle = fixture.engine().start(new RunRequest(CliTest.CONFIG, null, RunMode.CREATE, true),
                events::add, p -> CompletableFuture.completedFuture(Prompt.Answer.CANCEL));
        handle.finished().get(20, TimeUnit.SECONDS);

        assertThat(events).filteredOn(e -> e instanceof Event.ChangePlanned).hasSize(3);
        assertThat(fixture.opened).containsOnly("blank n1", "blank n2");
        assertThat(fixture.n1.commands()).isEmpty();
        assertThat(fixture.prepared).isEmpty();
        assertThat(handle.logFolder()).isEmpty();
    }

    @Test
    void aConfigWithErrorsIsRefusedNamingThePathAndNothingIsContacted() throws Exception {
        fixture.problems = List.of(Problem.error("nodes[1].address", org.hainstall.core.config.ProblemCode.ADDRESS_INVALID, "not an IPv4 address"));
        RunHandle handle = fixture.engine().start(new RunRequest(CliTest.CONFIG, configFile(), RunMode.MODIFY, false),
                events::add, p -> CompletableFuture.completedFuture(Prompt.Answer.CANCEL));

        assertThatThrownBy(() -> handle.finished().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().hasMessageContaining("nodes[1].address").hasMessageContaining("nothing was done");
        assertThat(fixture.opened).isEmpty();
        assertThat(fixture.prepared).isEmpty();
    }

    @Test
    void anUnsavedConfigIsNotRunBecauseItsKeysAndLogsLiveBesideItsFile() {
        RunHandle handle = fixture.engine().start(new RunRequest(CliTest.CONFIG, null, RunMode.MODIFY, false),
                events::add, p -> CompletableFuture.completedFuture(Prompt.Answer.CANCEL));

        assertThatThrownBy(() -> handle.finished().get(20, TimeUnit.SECONDS)).cause()
                .hasMessageContaining("save the config first");
        assertThat(fixture.opened).isEmpty();
    }

    @Test
    void cancelStopsAtTheNextStepBoundary() throws Exception {
        fixture.steps = List.of(new CliStep(StepId.onNode("power-on", "n1"), CliStep.Kind.PROMPT),
                new CliStep(StepId.onNode("packages", "n1"), CliStep.Kind.CHANGE, "power-on"));
        LinkedBlockingQueue<CompletableFuture<Prompt.Answer>> asked = new LinkedBlockingQueue<>();
        RunHandle handle = fixture.engine().start(new RunRequest(CliTest.CONFIG, configFile(), RunMode.MODIFY, false),
                events::add, p -> {
                    CompletableFuture<Prompt.Answer> f = new CompletableFuture<>();
                    asked.add(f);
                    return f;
                });
        CompletableFuture<Prompt.Answer> answer = asked.poll(20, TimeUnit.SECONDS);
        handle.cancel();
        answer.complete(Prompt.Answer.DONE); // the running step finishes; the next one never starts
        handle.finished().get(20, TimeUnit.SECONDS);

        assertThat(fixture.n1.commands()).contains("setup power-on").doesNotContain("setup packages");
        Event last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(Event.RunFinished.class);
        assertThat(((Event.RunFinished) last).success()).isFalse();
    }
}
