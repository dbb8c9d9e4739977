package org.hainstall.app;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.hainstall.app.logging.RunLog;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.core.plan.DryRunReport;
import org.hainstall.core.plan.LockHeldException;
import org.hainstall.core.plan.Outcome;
import org.hainstall.core.plan.Plan;
import org.hainstall.core.plan.RunSession;
import org.hainstall.core.plan.RunSummary;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.Workflows;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.ShellFactory;
import org.hainstall.core.usecase.ClusterRun;
import org.hainstall.core.usecase.ClusterRuns;
import org.hainstall.core.usecase.ConfigCheck;
import org.hainstall.core.usecase.CreateCluster;
import org.hainstall.core.usecase.ModifyCluster;
import org.hainstall.core.usecase.NotBuiltException;
import org.hainstall.core.usecase.RunLogCopy;
import org.hainstall.core.plan.RunMode;
import org.hainstall.core.usecase.RunSessions;
import org.hainstall.core.usecase.SecretsSource;
import org.hainstall.core.usecase.Sentences;
import org.hainstall.core.usecase.ShellsSource;
import org.hainstall.core.usecase.WorkflowsSource;

/**
 * The command line's face of core's {@link CreateCluster} and {@link ModifyCluster}: load (with {@code --set}),
 * validate, then plan or run through the use case, and turn what happened into lines and an exit code.
 */
class WorkflowCli {
    private final ConfigSource configs;
    private final ConfigCheck validator;
    private final ClusterRuns runs;
    private final Terminal terminal;
    private final boolean handleCtrlC;

    @Inject
    WorkflowCli(ConfigSource configs, ConfigCheck validator, ClusterRuns runs, Terminal terminal) {
        this.configs = configs;
        this.validator = validator;
        this.runs = runs;
        this.terminal = terminal;
        this.handleCtrlC = true;
    }

    /** For tests: fixed workflows and shells whatever the config file. */
    WorkflowCli(ConfigSource configs, ConfigCheck validator, Workflows workflows, ShellFactory ssh,
                SecretsSource secrets, Terminal terminal, Clock clock, boolean handleCtrlC) {
        this(configs, validator, file -> workflows, file -> ssh, secrets, terminal, clock, handleCtrlC);
    }

    WorkflowCli(ConfigSource configs, ConfigCheck validator, WorkflowsSource workflows, ShellsSource ssh,
                SecretsSource secrets, Terminal terminal, Clock clock, boolean handleCtrlC) {
        this.configs = configs;
        this.validator = validator;
        RunLogCopy log = runFolder -> RunLog.ofThisProcess().copyInto(runFolder);
        RunSessions sessions = new RunSessions(workflows, ssh, secrets, clock, log);
        this.runs = new ClusterRuns(new CreateCluster(sessions, validator), new ModifyCluster(sessions, validator));
        this.terminal = terminal;
        this.handleCtrlC = handleCtrlC;
    }

    /** The use case behind {@code mode} on this command line. */
    ClusterRun useCase(RunMode mode) {
        return runs.of(mode);
    }

    int run(RunMode mode, RunOptions options) {
        return run(runs.of(mode), options);
    }

    int run(ClusterRun use, RunOptions options) {
        RunMode mode = use.mode();
        String name = mode.word();
        try {
            ClusterConfig config = loadAndValidate(options);
            if (config == null) {
                return ExitCodes.BAD_CONFIG;
            }
            List<Step> steps;
            try {
                steps = use.steps(config, options.config);
            } catch (IllegalArgumentException e) {
                // unknown dependency, duplicate, cycle: a bug in the catalog, named before anything is contacted
                terminal.err().println("hainstall " + name + ": the " + name + " workflow is inconsistent: "
                        + e.getMessage());
                return ExitCodes.STEP_FAILED;
            }
            return options.dryRun ? dryRun(use, name, config, steps, options)
                    : apply(use, name, config, steps, options);
        } catch (NotBuiltException e) {
            terminal.err().println("hainstall " + name + ": " + e.getMessage() + "; nothing was done.");
            return ExitCodes.NOT_BUILT;
        }
    }

    private ClusterConfig loadAndValidate(RunOptions options) {
        ClusterConfig config;
        try {
            config = configs.load(options.config, options.overrides);
        } catch (BadConfigException e) {
            terminal.err().println(options.config + ": " + e.getMessage());
            e.problems().forEach(p -> terminal.err().println("  " + p));
            return null;
        }
        List<Problem> problems = validator.validate(config);
        problems.stream().filter(p -> !p.isError()).forEach(p -> terminal.err().println(options.config + ": " + p));
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            terminal.err().println(options.config + ": " + errors.size() + " error(s); nothing was done:");
            errors.forEach(p -> terminal.err().println("  " + p));
            return null;
        }
        return config;
    }

    private int dryRun(ClusterRun use, String name, ClusterConfig config, List<Step> steps, RunOptions options) {
        // create plans against blank nodes and contacts nothing; modify checks the real nodes.
        String header = "hainstall " + name + " --dry-run: cluster " + clusterName(config)
                + (use.mode() == RunMode.CREATE ? " (blank nodes assumed; nothing contacted)" : "");
        try {
            RunSession session = use.dryRun(config, options.config, steps,
                    options.verbose ? new TerminalProgress(terminal.err(), true) : e -> { });
            RunSession.Result result = session.run();
            DryRunReport report = new DryRunReport(header);
            terminal.out().print(options.json ? report.json(result.plan()) : report.text(result.plan()));
            terminal.out().flush();
            return result.plan().count(Plan.Kind.FAILED) > 0 ? ExitCodes.STEP_FAILED : ExitCodes.SUCCESS;
        } catch (RemoteException | IOException | LockHeldException e) {
            terminal.err().println("hainstall " + name + " --dry-run: " + e.getMessage());
            return ExitCodes.STEP_FAILED;
        }
    }

    private int apply(ClusterRun use, String name, ClusterConfig config, List<Step> steps, RunOptions options) {
        if (!options.yes && !confirmed(name, config, options)) {
            return ExitCodes.CANCELLED;
        }
        RunSession session;
        ShownNotices progress = new ShownNotices(new TerminalProgress(terminal.out(), options.verbose));
        try {
            List<String> made = use.prepareSecrets(config, options.config);
            if (!made.isEmpty()) {
                terminal.out().println("generated in the secrets folder: " + String.join(", ", made));
            }
            session = use.apply(config, options.config, steps, new TerminalPrompter(terminal),
                    progress, options.fresh);
        } catch (IOException | RuntimeException e) {
            terminal.err().println("hainstall " + name + ": cannot read the secrets beside " + options.config + ": "
                    + e.getMessage());
            return ExitCodes.STEP_FAILED;
        }
        int exit;
        try (StopSignals signals = handleCtrlC ? StopSignals.during(session::cancel, terminal.err()) : null) {
            RunSession.Result result = session.run();
            terminal.out().println();
            terminal.out().println(RunSummary.of(result.run()));
            terminal.out().println("run folder: " + result.runFolder());
            exit = result.run().cancelled() ? ExitCodes.CANCELLED
                    : result.run().anyFailed() || !result.run().withOutcome(Outcome.SKIPPED).isEmpty()
                    ? ExitCodes.STEP_FAILED : ExitCodes.SUCCESS;
        } catch (LockHeldException | RemoteException e) {
            // Said once: when the run's own notice showed why, the closing line only says what it means.
            terminal.err().println("hainstall " + name + ": " + (progress.shown(e.getMessage())
                    ? "the run did not start; nothing was changed."
                    : Sentences.then("the run did not start: " + e.getMessage(), "nothing was changed")));
            exit = ExitCodes.STEP_FAILED;
        } catch (IOException e) {
            terminal.err().println("hainstall " + name + ": cannot write the state folder: " + e.getMessage());
            exit = ExitCodes.STEP_FAILED;
        } finally {
            terminal.out().flush();
        }
        return exit;
    }

    private boolean confirmed(String name, ClusterConfig config, RunOptions options) {
        StringBuilder nodes = new StringBuilder();
        for (ClusterConfig.Node node : config.nodes()) {
            nodes.append(nodes.length() == 0 ? "" : ", ").append(node.name()).append(" (").append(node.address())
                    .append(")");
        }
        return new Confirmation(terminal).ask(name, "hainstall " + name + " will bring " + nodes + " to "
                + options.config + " (see --dry-run for the exact changes).");
    }

    private static String clusterName(ClusterConfig config) {
        return config.cluster() == null || config.cluster().name() == null ? "(unnamed)" : config.cluster().name();
    }
}
