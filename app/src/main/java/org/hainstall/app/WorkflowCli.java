package org.hainstall.app;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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

/** What {@code create} and {@code modify} do on the command line: load, validate, plan or run, report, exit. */
class WorkflowCli {
    private final ConfigSource configs;
    private final ConfigCheck validator;
    private final RunSessions sessions;
    private final Terminal terminal;
    private final boolean handleCtrlC;

    @Inject
    WorkflowCli(ConfigSource configs, ConfigCheck validator, WorkflowsSource workflows, ShellsSource ssh,
                SecretsSource secrets, Terminal terminal, Clock clock) {
        this(configs, validator, workflows, ssh, secrets, terminal, clock, true);
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
        this.sessions = new RunSessions(workflows, ssh, secrets, clock);
        this.terminal = terminal;
        this.handleCtrlC = handleCtrlC;
    }

    int run(RunSessions.Mode mode, RunOptions options) {
        String name = mode.word();
        try {
            ClusterConfig config = loadAndValidate(options);
            if (config == null) {
                return ExitCodes.BAD_CONFIG;
            }
            List<Step> steps;
            try {
                steps = sessions.steps(mode, config, options.config);
            } catch (IllegalArgumentException e) {
                // unknown dependency, duplicate, cycle: a bug in the catalog, named before anything is contacted
                terminal.err().println("hainstall " + name + ": the " + name + " workflow is inconsistent: "
                        + e.getMessage());
                return ExitCodes.STEP_FAILED;
            }
            return options.dryRun ? dryRun(mode, name, config, steps, options)
                    : apply(mode, name, config, steps, options);
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

    private int dryRun(RunSessions.Mode mode, String name, ClusterConfig config, List<Step> steps,
                       RunOptions options) {
        // create plans against blank nodes and contacts nothing; modify checks the real nodes.
        String header = "hainstall " + name + " --dry-run: cluster " + clusterName(config)
                + (mode == RunSessions.Mode.CREATE ? " (blank nodes assumed; nothing contacted)" : "");
        try {
            RunSession session = sessions.dryRun(mode, config, options.config, steps,
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

    private int apply(RunSessions.Mode mode, String name, ClusterConfig config, List<Step> steps,
                      RunOptions options) {
        if (!options.yes && !confirmed(name, config, options)) {
            return ExitCodes.CANCELLED;
        }
        RunSession session;
        ShownNotices progress = new ShownNotices(new TerminalProgress(terminal.out(), options.verbose));
        try {
            List<String> made = sessions.prepareSecrets(mode, config, options.config);
            if (!made.isEmpty()) {
                terminal.out().println("generated in the secrets folder: " + String.join(", ", made));
            }
            session = sessions.apply(mode, config, options.config, steps, new TerminalPrompter(terminal),
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
