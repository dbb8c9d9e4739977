package org.hainstall.core.plan;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.Shell;

/** The {@link StepContext} the runner hands to one step. */
final class RunStepContext implements StepContext {
    private final StepId id;
    private final RunTarget target;
    private final EventSink sink;
    private final Clock clock;
    private final Redactor redactor;
    private final BooleanSupplier cancelled;
    private final Set<CompletableFuture<Prompt.Answer>> openPrompts;

    RunStepContext(StepId id, RunTarget target, EventSink sink, Clock clock, Redactor redactor,
                   BooleanSupplier cancelled, Set<CompletableFuture<Prompt.Answer>> openPrompts) {
        this.id = id;
        this.target = target;
        this.sink = sink;
        this.clock = clock;
        this.redactor = redactor;
        this.cancelled = cancelled;
        this.openPrompts = openPrompts;
    }

    @Override
    public StepId stepId() {
        return id;
    }

    @Override
    public ClusterConfig config() {
        return target.config();
    }

    @Override
    public ClusterConfig.Node node() {
        if (id.clusterWide() || target.config() == null) {
            return null;
        }
        return target.config().nodes().stream().filter(n -> id.node().equals(n.name())).findFirst().orElse(null);
    }

    @Override
    public Shell shell() {
        if (id.clusterWide()) {
            throw new IllegalStateException(id + " is cluster-wide: use shell(nodeName)");
        }
        return shell(id.node());
    }

    @Override
    public Shell shell(String nodeName) {
        return target.shells().shell(nodeName);
    }

    @Override
    public SecretsView secrets() {
        SecretsView real = target.secrets();
        // Every value a step reads is remembered, so it is masked should it ever reach an event.
        return new SecretsView() {
            @Override
            public String heartbeatAuthKey() {
                String v = real.heartbeatAuthKey();
                redactor.remember(v);
                return v;
            }

            @Override
            public String drbdSecret(String resourceName) {
                String v = real.drbdSecret(resourceName);
                redactor.remember(v);
                return v;
            }

            @Override
            public java.util.Collection<String> values() {
                java.util.Collection<String> all = real.values();
                all.forEach(redactor::remember);
                return all;
            }
        };
    }

    @Override
    public void notice(String node, Event.Notice.Level level, String message) {
        sink.publish(new Event.Notice(clock.instant(), node, level, message));
    }

    @Override
    public OutputListener output() {
        return (stream, line) -> sink.publish(new Event.OutputLine(clock.instant(), id, stream, line));
    }

    @Override
    public AdminPrompter prompter() {
        return prompt -> {
            if (cancelled.getAsBoolean()) {
                return CompletableFuture.completedFuture(Prompt.Answer.CANCEL);
            }
            sink.publish(new Event.PromptRequested(clock.instant(), prompt));
            CompletableFuture<Prompt.Answer> answer = new CompletableFuture<>();
            openPrompts.add(answer);
            target.prompter().ask(prompt).whenComplete((a, error) -> {
                if (error != null) {
                    answer.completeExceptionally(error);
                } else {
                    answer.complete(a);
                }
            });
            return answer.whenComplete((a, error) -> {
                openPrompts.remove(answer);
                if (a != null) {
                    sink.publish(new Event.PromptAnswered(clock.instant(), prompt.id(), a));
                }
            });
        };
    }

    @Override
    public boolean cancelRequested() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void checkCancelled() throws StepException {
        if (cancelled.getAsBoolean()) {
            throw new StepCancelledException(id);
        }
    }
}
