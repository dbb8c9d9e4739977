package org.hainstall.app;

import java.util.List;
import java.util.Set;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;

/** A test step: needs one command run until it has run once; or fails; or asks the admin. */
class CliStep implements Step {
    enum Kind { CHANGE, FAIL, PROMPT }

    private final StepId id;
    private final Kind kind;
    private final Set<String> deps;
    private volatile boolean done;

    CliStep(StepId id, Kind kind, String... deps) {
        this.id = id;
        this.kind = kind;
        this.deps = Set.of(deps);
    }

    @Override
    public StepId id() {
        return id;
    }

    @Override
    public String title() {
        return "test " + id.name();
    }

    @Override
    public Set<String> dependsOn() {
        return deps;
    }

    @Override
    public Check check(StepContext ctx) {
        return done ? Check.satisfied("in place")
                : Check.change("set up " + id.name(), List.of(id.clusterWide()
                        ? Action.on("n1", new Action.Run(Command.of("setup", id.name())))
                        : new Action.Run(Command.of("setup", id.name()))));
    }

    @Override
    public void apply(StepContext ctx, Check.Change change) throws StepException {
        if (kind == Kind.FAIL) {
            throw new StepException(id, "setup " + id.name() + " failed with exit 1");
        }
        if (kind == Kind.PROMPT) {
            ctx.prompter().ask(new org.hainstall.core.plan.Prompt("p-" + id.name(), id.node(), "Power on "
                    + id.node(), "Power on " + id.node() + " with its seed ISO attached.")).join();
        }
        super_apply(ctx, change);
        done = true;
    }

    private void super_apply(StepContext ctx, Check.Change change) throws StepException {
        org.hainstall.core.plan.ActionExecutor.execute(ctx, change.actions());
    }
}
