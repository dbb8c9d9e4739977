package org.hainstall.core.plan;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test step for the runner's tests: its check and apply do what the test scripts, and it counts how often each
 * ran. (The runner is the part under test here; real steps live in core/node.)
 */
class ScriptedStep implements Step {
    interface Body {
        void run(StepContext ctx) throws StepException;
    }

    private final StepId id;
    private final Set<String> dependsOn;
    private volatile boolean satisfied;
    private volatile Body onCheck = ctx -> { };
    private volatile Body onApply = ctx -> { };
    private volatile List<Action> actions = List.of();
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger applies = new AtomicInteger();

    ScriptedStep(StepId id, String... dependsOn) {
        this.id = id;
        this.dependsOn = Set.of(dependsOn);
    }

    static ScriptedStep on(String node, String name, String... dependsOn) {
        return new ScriptedStep(StepId.onNode(name, node), dependsOn);
    }

    static ScriptedStep cluster(String name, String... dependsOn) {
        return new ScriptedStep(StepId.cluster(name), dependsOn);
    }

    /** The check says Satisfied from the start. */
    ScriptedStep satisfied() {
        this.satisfied = true;
        return this;
    }

    ScriptedStep onCheck(Body body) {
        this.onCheck = body;
        return this;
    }

    ScriptedStep onApply(Body body) {
        this.onApply = body;
        return this;
    }

    ScriptedStep actions(Action... actions) {
        this.actions = List.of(actions);
        return this;
    }

    @Override
    public StepId id() {
        return id;
    }

    @Override
    public String title() {
        return "test step " + id.name();
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public Check check(StepContext ctx) throws StepException {
        checks.incrementAndGet();
        onCheck.run(ctx);
        return satisfied ? Check.satisfied(id.name() + " is in place") : Check.change("set up " + id.name(), actions);
    }

    @Override
    public void apply(StepContext ctx, Check.Change change) throws StepException {
        applies.incrementAndGet();
        onApply.run(ctx);
        ActionExecutor.execute(ctx, change.actions());
        satisfied = true;
    }
}
