package org.hainstall.core.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.plan.RunSession;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.RunMode;

/**
 * A run that brings nodes to a config — {@link CreateCluster} or {@link ModifyCluster}. The command line drives the
 * phases itself (it prints between them and owns the terminal); the wizard, which cannot wait, calls
 * {@link #start}, which does the same phases on a thread of its own.
 */
public abstract class ClusterRun {
    private final RunMode mode;
    private final RunSessions sessions;
    private final ConfigCheck validator;

    ClusterRun(RunMode mode, RunSessions sessions, ConfigCheck validator) {
        this.mode = mode;
        this.sessions = sessions;
        this.validator = validator;
    }

    public final RunMode mode() {
        return mode;
    }

    /**
     * The workflow's steps for this config. Throws {@link IllegalArgumentException} when the catalog is inconsistent
     * and {@link NotBuiltException} when the workflow is missing from this build; nothing is contacted.
     */
    public final List<Step> steps(ClusterConfig config, Path configFile) {
        return sessions.steps(mode, config, configFile);
    }

    /** The dry run's session: writes nothing anywhere ({@code create}'s contacts nothing either). */
    public final RunSession dryRun(ClusterConfig config, Path configFile, List<Step> steps, EventSink events)
            throws IOException {
        return sessions.dryRun(mode, config, configFile, steps, events);
    }

    /** Generates the secrets the run needs and the folder lacks; returns what was made, never a secret. */
    public final List<String> prepareSecrets(ClusterConfig config, Path configFile) throws IOException {
        return sessions.prepareSecrets(mode, config, configFile);
    }

    /** The applying session, resuming the last unfinished run of the same config unless {@code fresh}. */
    public final RunSession apply(ClusterConfig config, Path configFile, List<Step> steps, AdminPrompter prompter,
                                  EventSink events, boolean fresh) throws IOException {
        return sessions.apply(mode, config, configFile, steps, prompter, events, fresh);
    }

    /**
     * Starts the run (or its dry run) on a thread of its own and returns at once: validation, steps, secrets and
     * session exactly as above, reporting to {@code events} and asking through {@code prompter}.
     */
    public final RunHandle start(RunRequest request, EventSink events, AdminPrompter prompter) {
        if (request.mode() != mode) {
            throw new IllegalArgumentException("a " + request.mode().word() + " request given to " + mode.word());
        }
        BackgroundRun run = new BackgroundRun(this, validator, request, events, prompter);
        Thread t = new Thread(run::run, "hainstall-" + mode.word() + (request.dryRun() ? "-dry-run" : ""));
        // Not a daemon: a run that was asked to stop still finishes its steps and closes its journal.
        t.start();
        return run;
    }
}
