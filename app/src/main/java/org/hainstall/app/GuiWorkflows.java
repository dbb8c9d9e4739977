package org.hainstall.app;

import jakarta.inject.Inject;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.usecase.ClusterRuns;
import org.hainstall.core.usecase.RunHandle;
import org.hainstall.core.usecase.RunRequest;
import org.hainstall.ui.run.Workflows;

/**
 * The wizard's engine port, wired to core's use cases: a run the wizard starts is {@code CreateCluster} or
 * {@code ModifyCluster}, the same instances the command line's {@code create} and {@code modify} run.
 */
final class GuiWorkflows implements Workflows {
    private final ClusterRuns runs;

    @Inject
    GuiWorkflows(ClusterRuns runs) {
        this.runs = runs;
    }

    /** The use cases behind the wizard's runs (the wiring test compares them with the command line's). */
    ClusterRuns runs() {
        return runs;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public RunHandle start(RunRequest request, EventSink events, AdminPrompter prompter) {
        return runs.of(request.mode()).start(request, events, prompter);
    }
}
