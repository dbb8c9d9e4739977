package org.hainstall.ui.run;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.Prompt;
import org.hainstall.core.usecase.RunHandle;
import org.hainstall.core.usecase.RunRequest;

/** A dry run on the engine: what a run would change, with nothing contacted for create and nothing changed. */
public final class DryRun {
    private final Workflows workflows;

    public DryRun(Workflows workflows) {
        this.workflows = workflows;
    }

    /**
     * The dry run's events, in order, once it has finished (on the engine's thread). A dry run never asks the
     * admin anything; a prompt is answered Cancel.
     */
    public CompletableFuture<List<Event>> of(RunRequest request) {
        Queue<Event> events = new ConcurrentLinkedQueue<>();
        RunRequest dry = new RunRequest(request.config(), request.configFile(), request.mode(), true);
        RunHandle handle = workflows.start(dry, events::add, p -> CompletableFuture.completedFuture(Prompt.Answer.CANCEL));
        return handle.finished().thenApply(v -> List.copyOf(events));
    }
}
