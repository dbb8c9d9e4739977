package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.plan.RunSession;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.plan.StateFolder;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepGraph;
import org.hainstall.core.plan.Workflows;
import org.hainstall.core.remote.ShellFactory;
import org.hainstall.core.plan.RunMode;

/**
 * How {@code create} and {@code modify} become a {@link RunSession}, the same for the command line and the wizard:
 * the workflow's steps, the shells (blank nodes for {@code create --dry-run}, SSH with the pinned keys beside the
 * config otherwise), the secrets (placeholders for a create dry run, the secrets folder otherwise) and the state
 * folder beside the config.
 */
public final class RunSessions {
    private final WorkflowsSource workflows;
    private final ShellsSource ssh;
    private final SecretsSource secrets;
    private final Clock clock;
    private final RunLogCopy logCopy;

    @Inject
    public RunSessions(WorkflowsSource workflows, ShellsSource ssh, SecretsSource secrets, Clock clock,
                       RunLogCopy logCopy) {
        this.workflows = workflows;
        this.ssh = ssh;
        this.secrets = secrets;
        this.clock = clock;
        this.logCopy = logCopy;
    }

    /**
     * The workflow's steps for this config. Throws {@link IllegalArgumentException} when the catalog is inconsistent
     * (an unknown dependency, a duplicate, a cycle: a bug, named before anything is contacted) and
     * {@link NotBuiltException} when the workflow is missing from this build.
     */
    public List<Step> steps(RunMode mode, ClusterConfig config, Path configFile) {
        Workflows w = workflows.forConfig(configFile);
        List<Step> steps = mode == RunMode.MODIFY ? w.modify(config) : w.create(config);
        new StepGraph(steps);
        return steps;
    }

    /**
     * A dry run: {@code create} plans against blank nodes with placeholder secrets and contacts nothing; {@code modify}
     * checks the real nodes over SSH. Writes nothing anywhere.
     */
    public RunSession dryRun(RunMode mode, ClusterConfig config, Path configFile, List<Step> steps,
                             EventSink events) throws IOException {
        ShellFactory shells = mode == RunMode.CREATE ? workflows.forConfig(configFile).blankShells(config)
                : ssh.forConfig(configFile);
        SecretsView view = mode == RunMode.CREATE ? new PlaceholderSecrets() : secrets.open(configFile, config);
        return new RunSession(config, steps, shells, view, p -> {
            throw new IllegalStateException("a dry run asks nothing");
        }, events, StateFolder.forConfig(configFile), clock, RunSession.Options.dryRun(mode));
    }

    /**
     * Generates the secrets the run needs and the folder lacks (for {@code create}, also pins the host keys of the
     * nodes it is about to make). Returns what was made, never a secret.
     */
    public List<String> prepareSecrets(RunMode mode, ClusterConfig config, Path configFile) throws IOException {
        return secrets.prepare(configFile, config, mode == RunMode.CREATE);
    }

    /** An applying run over SSH, resuming the last unfinished run of the same config unless {@code fresh}. */
    public RunSession apply(RunMode mode, ClusterConfig config, Path configFile, List<Step> steps,
                            AdminPrompter prompter, EventSink events, boolean fresh) throws IOException {
        SecretsView view = secrets.open(configFile, config);
        RunSession.Options options = RunSession.Options.apply(mode);
        if (fresh) {
            options = options.withoutResume();
        }
        if (mode == RunMode.CREATE) {
            options = options.connectingOnFirstUse(); // the nodes exist only after provisioning
        }
        EventSink withLog = new RunLogSink(events, logCopy, runId -> runFolder(configFile, runId));
        return new RunSession(config, steps, ssh.forConfig(configFile), view, prompter, withLog,
                StateFolder.forConfig(configFile), clock, options);
    }

    /** Where a run's logs and event stream are written, once the run has its id. */
    public static Path runFolder(Path configFile, String runId) {
        return StateFolder.forConfig(configFile).runs().resolve(runId);
    }
}
