package org.hainstall.app;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.hainstall.app.logging.RunLog;
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

/**
 * How {@code create} and {@code modify} become a {@link RunSession}, the same for the command line and the wizard:
 * the workflow's steps, the shells (blank nodes for {@code create --dry-run}, SSH with the pinned keys beside the
 * config otherwise), the secrets (placeholders for a create dry run, the secrets folder otherwise) and the state
 * folder beside the config.
 */
final class RunSessions {
    enum Mode {
        CREATE, MODIFY;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final WorkflowsSource workflows;
    private final ShellsSource ssh;
    private final SecretsSource secrets;
    private final Clock clock;

    @Inject
    RunSessions(WorkflowsSource workflows, ShellsSource ssh, SecretsSource secrets, Clock clock) {
        this.workflows = workflows;
        this.ssh = ssh;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * The workflow's steps for this config. Throws {@link IllegalArgumentException} when the catalog is inconsistent
     * (an unknown dependency, a duplicate, a cycle: a bug, named before anything is contacted) and
     * {@link NotBuiltException} when the workflow is missing from this build.
     */
    List<Step> steps(Mode mode, ClusterConfig config, Path configFile) {
        Workflows w = workflows.forConfig(configFile);
        List<Step> steps = mode == Mode.MODIFY ? w.modify(config) : w.create(config);
        new StepGraph(steps);
        return steps;
    }

    /**
     * A dry run: {@code create} plans against blank nodes with placeholder secrets and contacts nothing; {@code modify}
     * checks the real nodes over SSH. Writes nothing anywhere.
     */
    RunSession dryRun(Mode mode, ClusterConfig config, Path configFile, List<Step> steps, EventSink events)
            throws IOException {
        ShellFactory shells = mode == Mode.CREATE ? workflows.forConfig(configFile).blankShells(config)
                : ssh.forConfig(configFile);
        SecretsView view = mode == Mode.CREATE ? new PlaceholderSecrets() : secrets.open(configFile, config);
        return new RunSession(config, steps, shells, view, p -> {
            throw new IllegalStateException("a dry run asks nothing");
        }, events, StateFolder.forConfig(configFile), clock, RunSession.Options.dryRun(mode.word()));
    }

    /**
     * Generates the secrets the run needs and the folder lacks (for {@code create}, also pins the host keys of the
     * nodes it is about to make). Returns what was made, never a secret.
     */
    List<String> prepareSecrets(Mode mode, ClusterConfig config, Path configFile) throws IOException {
        return secrets.prepare(configFile, config, mode == Mode.CREATE);
    }

    /** An applying run over SSH, resuming the last unfinished run of the same config unless {@code fresh}. */
    RunSession apply(Mode mode, ClusterConfig config, Path configFile, List<Step> steps, AdminPrompter prompter,
                     EventSink events, boolean fresh) throws IOException {
        SecretsView view = secrets.open(configFile, config);
        RunSession.Options options = RunSession.Options.apply(mode.word());
        if (fresh) {
            options = options.withoutResume();
        }
        if (mode == Mode.CREATE) {
            options = options.connectingOnFirstUse(); // the nodes exist only after provisioning
        }
        EventSink withLog = new RunLogSink(events, RunLog.ofThisProcess(), runId -> runFolder(configFile, runId));
        return new RunSession(config, steps, ssh.forConfig(configFile), view, prompter, withLog,
                StateFolder.forConfig(configFile), clock, options);
    }

    /** Where a run's logs and event stream are written, once the run has its id. */
    static Path runFolder(Path configFile, String runId) {
        return StateFolder.forConfig(configFile).runs().resolve(runId);
    }
}
