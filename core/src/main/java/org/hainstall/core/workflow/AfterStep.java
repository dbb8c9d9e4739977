package org.hainstall.core.workflow;

import java.util.HashSet;
import java.util.Set;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;

/** A step that must also wait for one more step (create's node steps wait for provisioning). */
final class AfterStep implements Step {
    private final Step step;
    private final Set<String> dependsOn;

    AfterStep(Step step, String extra) {
        this.step = step;
        Set<String> all = new HashSet<>(step.dependsOn());
        all.add(extra);
        this.dependsOn = Set.copyOf(all);
    }

    @Override
    public StepId id() {
        return step.id();
    }

    @Override
    public String title() {
        return step.title();
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public Check check(StepContext ctx) throws StepException {
        return step.check(ctx);
    }

    @Override
    public void apply(StepContext ctx, Check.Change change) throws StepException {
        step.apply(ctx, change);
    }

    @Override
    public void verify(StepContext ctx) throws StepException {
        step.verify(ctx);
    }
}
