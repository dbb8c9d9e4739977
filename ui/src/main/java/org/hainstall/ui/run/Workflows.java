package org.hainstall.ui.run;

import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.usecase.RunHandle;
import org.hainstall.core.usecase.RunRequest;

/**
 * What the wizard needs from core's engine: start a workflow (or its dry run) that reports through
 * {@code events} and asks the admin through {@code prompter}. The engine's adapter implements it; until it is
 * wired the wizard shows a placeholder on the review and run pages.
 */
public interface Workflows {
    Workflows NOT_WIRED = new Workflows() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public RunHandle start(RunRequest request, EventSink events, AdminPrompter prompter) {
            throw new UnsupportedOperationException("the install engine is not wired into this build");
        }
    };

    boolean available();

    /** Starts the run on the engine's own threads and returns at once. */
    RunHandle start(RunRequest request, EventSink events, AdminPrompter prompter);
}
