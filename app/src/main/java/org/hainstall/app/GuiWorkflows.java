package org.hainstall.app;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import org.hainstall.ui.run.RunHandle;
import org.hainstall.ui.run.RunRequest;
import org.hainstall.ui.run.Workflows;

/**
 * The wizard's engine: runs {@code create} and {@code modify} (and their dry runs) through core exactly as the
 * command line does — the same validation, steps, shells, secrets and {@link RunSession} — on a thread of its own,
 * reporting to the wizard's event sink and asking through the wizard's prompter.
 */
final class GuiWorkflows implements Workflows {
    private final ConfigCheck validator;
    private final RunSessions sessions;

    @Inject
    GuiWorkflows(ConfigCheck validator, RunSessions sessions) {
        this.validator = validator;
        this.sessions = sessions;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public RunHandle start(RunRequest request, EventSink events, AdminPrompter prompter) {
        EngineRun run = new EngineRun(request, events, prompter);
        Thread t = new Thread(run::run, "hainstall-" + request.mode() + (request.dryRun() ? "-dry-run" : ""));
        // Not a daemon: a run that was asked to stop still finishes its steps and closes its journal.
        t.start();
        return run;
    }

    /** Why a run did not start or did not finish; its message is shown to the admin as it is. */
    static final class RunFailedException extends Exception {
        RunFailedException(String message) {
            super(message);
        }
    }

    private final class EngineRun implements RunHandle {
        private final RunRequest request;
        private final EventSink events;
        private final AdminPrompter prompter;
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private final AtomicReference<RunSession> session = new AtomicReference<>();
        private final AtomicReference<Path> folder = new AtomicReference<>();
        private volatile boolean cancelled;

        EngineRun(RunRequest request, EventSink events, AdminPrompter prompter) {
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
                finished.completeExceptionally(new RunFailedException("the " + request.mode()
                        + " run stopped on an internal error: " + e));
            }
        }

        private void execute() throws RunFailedException {
            RunSessions.Mode mode = mode(request.mode());
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
                steps = sessions.steps(mode, config, file);
            } catch (IllegalArgumentException e) {
                throw new RunFailedException("the " + mode.word() + " workflow is inconsistent: " + e.getMessage());
            } catch (NotBuiltException e) {
                throw new RunFailedException(e.getMessage() + "; nothing was done");
            }
            RunSession s;
            try {
                if (request.dryRun()) {
                    s = sessions.dryRun(mode, config, file, steps, events);
                } else {
                    List<String> made = sessions.prepareSecrets(mode, config, file);
                    if (!made.isEmpty()) {
                        events.publish(new Event.Notice(java.time.Instant.now(), null, Event.Notice.Level.INFO,
                                "generated in the secrets folder: " + String.join(", ", made)));
                    }
                    s = sessions.apply(mode, config, file, steps, prompter, event -> {
                        if (event instanceof Event.RunStarted started) {
                            folder.set(RunSessions.runFolder(file, started.runId()));
                        }
                        // The wizard's prompter announces each prompt itself once it holds the prompt's future,
                        // so a banner never shows a prompt it cannot answer yet; core's own notice would be a
                        // second copy. The run folder's event stream keeps core's.
                        if (!(event instanceof Event.PromptRequested)) {
                            events.publish(event);
                        }
                    }, false);
                }
            } catch (IOException | RuntimeException e) {
                throw new RunFailedException("cannot read the secrets beside " + file + ": " + e.getMessage());
            }
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

        /**
         * The config file the run's secrets and state live beside. An unsaved config can still be planned for
         * create (nothing is contacted or written); everything else needs the file.
         */
        private Path configFile(RunSessions.Mode mode) throws RunFailedException {
            if (request.configFile() != null) {
                return request.configFile().toAbsolutePath();
            }
            if (request.dryRun() && mode == RunSessions.Mode.CREATE) {
                String cluster = request.config().cluster() == null || request.config().cluster().name() == null
                        ? "cluster" : request.config().cluster().name();
                return Path.of(cluster + ".yaml").toAbsolutePath();
            }
            throw new RunFailedException("save the config first: the cluster's SSH key, pinned host keys and run "
                    + "logs live beside its file");
        }
    }

    private static RunSessions.Mode mode(String word) throws RunFailedException {
        try {
            return RunSessions.Mode.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RunFailedException("unknown mode '" + word + "' (create or modify)");
        }
    }
}
