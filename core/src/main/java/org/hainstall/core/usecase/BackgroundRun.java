package org.hainstall.core.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.plan.LockHeldException;
import org.hainstall.core.plan.Plan;
import org.hainstall.core.plan.RunSession;
import org.hainstall.core.plan.Step;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.plan.RunMode;

/**
 * One {@link ClusterRun#start started} run: the phases the command line walks through (validate, steps, secrets,
 * session, run), with every way it can stop turned into a {@link RunFailedException} whose message the admin reads.
 */
final class BackgroundRun implements RunHandle {
    private final ClusterRun use;
    private final ConfigCheck validator;
    private final RunRequest request;
    private final EventSink events;
    private final AdminPrompter prompter;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final AtomicReference<RunSession> session = new AtomicReference<>();
    private final AtomicReference<Path> folder = new AtomicReference<>();
    private volatile boolean cancelled;

    BackgroundRun(ClusterRun use, ConfigCheck validator, RunRequest request, EventSink events,
                  AdminPrompter prompter) {
        this.use = use;
        this.validator = validator;
        this.request = request;
        this.events = events;
        this.prompter = prompter;
    }

    @Override
    public void cancel() {
        cancelled = true;
        RunSession s = session.get();
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public CompletableFuture<Void> finished() {
        return finished;
    }

    @Override
    public Optional<Path> logFolder() {
        return Optional.ofNullable(folder.get());
    }

    void run() {
        try {
            execute();
            finished.complete(null);
        } catch (RunFailedException e) {
            finished.completeExceptionally(e);
        } catch (RuntimeException e) {
            finished.completeExceptionally(new RunFailedException("the " + request.mode().word()
                    + " run stopped on an internal error: " + e));
        }
    }

    private void execute() throws RunFailedException {
        RunMode mode = request.mode();
        String name = mode.word() + (request.dryRun() ? " --dry-run" : "");
        ClusterConfig config = request.config();
        List<Problem> errors = validator.validate(config).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new RunFailedException(errors.size() + " error(s) in the config; nothing was done: "
                    + errors.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        Path file = configFile(mode);
        List<Step> steps;
        try {
            steps = use.steps(config, file);
        } catch (IllegalArgumentException e) {
            throw new RunFailedException("the " + mode.word() + " workflow is inconsistent: " + e.getMessage());
        } catch (NotBuiltException e) {
            throw new RunFailedException(e.getMessage() + "; nothing was done");
        }
        RunSession s = session(config, file, steps);
        session.set(s);
        if (cancelled) {
            s.cancel(); // cancelled while the secrets were prepared: stop before the first step
        }
        try {
            RunSession.Result result = s.run();
            if (result.runFolder() != null) {
                folder.set(result.runFolder());
            }
            if (result.plan() != null && result.plan().count(Plan.Kind.FAILED) > 0) {
                // The review page shows planned changes only: name the checks that failed here.
                throw new RunFailedException("the plan is incomplete; these checks failed: "
                        + result.plan().steps().stream().filter(p -> p.kind() == Plan.Kind.FAILED)
                        .map(p -> p.step() + (p.summary() == null ? "" : " (" + p.summary() + ")"))
                        .collect(Collectors.joining("; ")));
            }
        } catch (LockHeldException e) {
            throw new RunFailedException(e.getMessage());
        } catch (RemoteException e) {
            throw new RunFailedException(Sentences.then("cannot start " + name + ": " + e.getMessage(),
                    "nothing was changed"));
        } catch (IOException e) {
            throw new RunFailedException("cannot write the state folder: " + e.getMessage());
        }
    }

    private RunSession session(ClusterConfig config, Path file, List<Step> steps) throws RunFailedException {
        try {
            if (request.dryRun()) {
                return use.dryRun(config, file, steps, events);
            }
            List<String> made = use.prepareSecrets(config, file);
            if (!made.isEmpty()) {
                events.publish(new Event.Notice(Instant.now(), null, Event.Notice.Level.INFO,
                        "generated in the secrets folder: " + String.join(", ", made)));
            }
            return use.apply(config, file, steps, prompter, event -> {
                if (event instanceof Event.RunStarted started) {
                    folder.set(RunSessions.runFolder(file, started.runId()));
                }
                // The wizard's prompter announces each prompt itself once it holds the prompt's future, so a
                // banner never shows a prompt it cannot answer yet; core's own notice would be a second copy.
                // The run folder's event stream keeps core's.
                if (!(event instanceof Event.PromptRequested)) {
                    events.publish(event);
                }
            }, false);
        } catch (IOException | RuntimeException e) {
            throw new RunFailedException("cannot read the secrets beside " + file + ": " + e.getMessage());
        }
    }

    /**
     * The config file the run's secrets and state live beside. An unsaved config can still be planned for create
     * (nothing is contacted or written); everything else needs the file.
     */
    private Path configFile(RunMode mode) throws RunFailedException {
        if (request.configFile() != null) {
            return request.configFile().toAbsolutePath();
        }
        if (request.dryRun() && mode == RunMode.CREATE) {
            String cluster = request.config().cluster() == null || request.config().cluster().name() == null
                    ? "cluster" : request.config().cluster().name();
            return Path.of(cluster + ".yaml").toAbsolutePath();
        }
        throw new RunFailedException("save the config first: the cluster's SSH key, pinned host keys and run "
                + "logs live beside its file");
    }
}
