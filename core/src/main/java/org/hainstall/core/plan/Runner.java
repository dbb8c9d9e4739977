package org.hainstall.core.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.remote.RemoteException;

/**
 * Runs the steps of one run as a dependency graph ({@link StepGraph}).
 *
 * <ul>
 *   <li>Each node is a lane that runs one step at a time (package managers and disk tools do not like company);
 *       the lanes — one per node, one for cluster-wide steps — run side by side on a thread pool.</li>
 *   <li>Per step: check; if a change is needed, publish it, apply it, verify it. In a dry run, check only.</li>
 *   <li>A step that fails (or ends unknown) skips everything that depends on it, transitively; independent work
 *       goes on to its end.</li>
 *   <li>{@link #cancel()} stops at a step boundary: running steps finish, no new step starts. Steps that wait
 *       (a sync, a prompt) may leave early through {@link StepContext#checkCancelled}.</li>
 *   <li>Steps an earlier unfinished run finished (from the {@link RunJournal}) are not redone.</li>
 * </ul>
 * One Runner runs one run.
 */
public final class Runner {
    /** How a step an earlier run finished is summarised in a resumed run (it is carried, not run again). */
    static final String CARRIED = "finished in run ";

    private static final String CLUSTER_LANE = "";

    private final RunTarget target;
    private final EventSink sink;
    private final RunJournal journal;
    private final Clock clock;
    private final Redactor redactor;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Set<CompletableFuture<Prompt.Answer>> openPrompts = ConcurrentHashMap.newKeySet();

    public Runner(RunTarget target, EventSink sink, RunJournal journal, Clock clock, Redactor redactor) {
        this.target = target;
        this.redactor = redactor;
        if (target.secrets() != null) {
            target.secrets().values().forEach(redactor::remember);
        }
        this.sink = redactor.wrap(sink);
        this.journal = journal;
        this.clock = clock;
    }

    /** Requests a stop at the next step boundary. Safe from any thread (a shutdown hook, the UI). */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            sink.publish(new Event.Notice(clock.instant(), null, Event.Notice.Level.WARNING,
                    "cancel requested: running steps finish, no new step starts"));
            for (CompletableFuture<Prompt.Answer> prompt : List.copyOf(openPrompts)) {
                prompt.complete(Prompt.Answer.CANCEL);
            }
        }
    }

    public boolean cancelRequested() {
        return cancelled.get();
    }

    public RunResult run(String runId, RunMode runMode, RunEffect mode, List<Step> steps) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a Runner runs once");
        }
        StepGraph graph = new StepGraph(steps);
        sink.publish(new Event.RunStarted(clock.instant(), runId, runMode,
                steps.stream().map(Step::id).toList()));
        Execution execution = new Execution(graph, mode);
        RunResult result = execution.run(runId);
        if (mode == RunEffect.APPLY) {
            journal.runFinished(result);
        }
        int failed = result.withOutcome(Outcome.FAILED).size() + result.withOutcome(Outcome.UNKNOWN).size();
        sink.publish(new Event.RunFinished(clock.instant(), runId, result.success(), result.changed().size(),
                failed, RunSummary.of(result)));
        return result;
    }

    /** The state of one run; touched by the coordinating thread only, except {@link #finished}. */
    private final class Execution {
        private final StepGraph graph;
        private final RunEffect mode;
        private final Map<StepId, StepResult> results = new ConcurrentHashMap<>();
        private final Set<StepId> planned = ConcurrentHashMap.newKeySet();
        private final List<StepId> pending = new ArrayList<>();
        private final Set<String> busyLanes = new HashSet<>();
        private final BlockingQueue<StepResult> finished = new LinkedBlockingQueue<>();
        private int running;

        Execution(StepGraph graph, RunEffect mode) {
            this.graph = graph;
            this.mode = mode;
        }

        RunResult run(String runId) {
            Map<StepId, String> earlier = mode == RunEffect.APPLY ? journal.finishedEarlier() : Map.of();
            for (Step step : graph.steps()) {
                String fromRun = earlier.get(step.id());
                if (fromRun != null) {
                    journal.carried(step.id(), fromRun);
                    StepResult carried = new StepResult(step.id(), Outcome.OK,
                            CARRIED + fromRun + "; not redone", Duration.ZERO);
                    results.put(step.id(), carried);
                    sink.publish(new Event.StepFinished(clock.instant(), step.id(), Outcome.OK, carried.summary(),
                            Duration.ZERO));
                } else {
                    pending.add(step.id());
                }
            }
            AtomicInteger threadNo = new AtomicInteger();
            int lanes = graph.nodes().size() + 1;
            ExecutorService pool = Executors.newFixedThreadPool(lanes, r -> {
                Thread t = new Thread(r, "hainstall-step-" + threadNo.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            boolean interrupted = false;
            try {
                while (true) {
                    // An interrupt that raced with a step's result can leave take() returning normally with the
                    // flag set: honour it here, before anything new starts.
                    if (Thread.interrupted()) {
                        interrupted = true;
                        cancel();
                    }
                    if (!cancelled.get()) {
                        startReady(pool);
                    }
                    if (running == 0) {
                        break;
                    }
                    StepResult done;
                    try {
                        done = finished.take();
                    } catch (InterruptedException e) {
                        // Interrupting the runner is a cancel: let the running steps finish, then stop.
                        interrupted = true;
                        cancel();
                        continue;
                    }
                    running--;
                    busyLanes.remove(lane(done.step()));
                    record(done);
                }
            } finally {
                pool.shutdown();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            for (StepId id : List.copyOf(pending)) {
                skip(id, cancelled.get() ? "not started: the run was cancelled" : "not started");
            }
            Map<StepId, StepResult> ordered = new LinkedHashMap<>();
            for (Step step : graph.steps()) {
                ordered.put(step.id(), results.get(step.id()));
            }
            return new RunResult(runId, mode, cancelled.get(), ordered);
        }

        private void startReady(ExecutorService pool) {
            for (StepId id : List.copyOf(pending)) {
                if (!pending.contains(id)) {
                    continue; // skipped meanwhile
                }
                String lane = lane(id);
                if (busyLanes.contains(lane) || !dependenciesDone(id)) {
                    continue;
                }
                pending.remove(id);
                busyLanes.add(lane);
                running++;
                Step step = graph.step(id);
                if (mode == RunEffect.APPLY) {
                    journal.stepStarted(id);
                }
                pool.execute(() -> {
                    StepResult r;
                    try {
                        r = execute(step);
                    } catch (Throwable t) {
                        // A sink that cannot write (disk full) must not leave the coordinator waiting forever.
                        r = new StepResult(id, Outcome.FAILED, id + ": internal error: " + t, Duration.ZERO,
                                new StepFailure(ProblemCode.STEP_INTERNAL_ERROR, "internal error: " + t,
                                        "free space for the run's log folder, then run again; report it if it recurs"));
                    }
                    finished.add(r);
                });
            }
        }

        private boolean dependenciesDone(StepId id) {
            for (StepId dep : graph.dependenciesOf(id)) {
                if (!results.containsKey(dep)) {
                    return false;
                }
            }
            return true;
        }

        private void record(StepResult result) {
            results.put(result.step(), result);
            if (mode == RunEffect.APPLY) {
                journal.stepFinished(result.step(), result.outcome(), redactor.redact(result.summary()));
            }
            if (blocks(result.outcome())) {
                for (StepId dependant : graph.transitiveDependantsOf(result.step())) {
                    if (pending.contains(dependant)) {
                        skip(dependant, "not started: " + result.step() + " " + outcomeWord(result.outcome()));
                    }
                }
            }
        }

        private boolean blocks(Outcome outcome) {
            if (mode == RunEffect.DRY_RUN) {
                return outcome == Outcome.FAILED || outcome == Outcome.UNKNOWN;
            }
            return outcome != Outcome.OK && outcome != Outcome.CHANGED;
        }

        private void skip(StepId id, String why) {
            pending.remove(id);
            StepResult skipped = new StepResult(id, Outcome.SKIPPED, why, Duration.ZERO);
            results.put(id, skipped);
            if (mode == RunEffect.APPLY) {
                journal.stepFinished(id, Outcome.SKIPPED, why);
            }
            sink.publish(new Event.StepFinished(clock.instant(), id, Outcome.SKIPPED, why, Duration.ZERO));
        }

        /** Runs on a pool thread. Never throws: every ending becomes a result. */
        private StepResult execute(Step step) {
            StepId id = step.id();
            Instant start = clock.instant();
            sink.publish(new Event.StepStarted(start, id, step.title()));
            StepContext ctx = new RunStepContext(id, target, sink, clock, redactor, cancelled::get, openPrompts);
            Outcome outcome;
            String summary;
            StepFailure failure = null;
            try {
                Check check = step.check(ctx);
                if (check instanceof Check.Satisfied s) {
                    outcome = Outcome.OK;
                    summary = s.summary();
                } else if (check instanceof Check.Change change) {
                    rememberSecrets(change);
                    planned.add(id);
                    sink.publish(new Event.ChangePlanned(clock.instant(), id, change.description(),
                            change.actions().stream().map(Action::describe).toList()));
                    if (mode == RunEffect.DRY_RUN) {
                        outcome = Outcome.SKIPPED;
                        summary = "dry run: would " + change.description();
                    } else {
                        step.apply(ctx, change);
                        step.verify(ctx);
                        outcome = Outcome.CHANGED;
                        summary = change.description();
                    }
                } else {
                    // A fault in the step's code: check must decide.
                    throw new StepException(id, ProblemCode.STEP_INTERNAL_ERROR, "check returned nothing",
                            "a fault in hainstall, not in the node: report it with the run's log folder");
                }
            } catch (StepCancelledException e) {
                outcome = Outcome.UNKNOWN;
                summary = "cancelled mid-step; the next run re-checks it";
            } catch (StepException e) {
                if (mode == RunEffect.DRY_RUN && waitsOnPlannedChange(id)) {
                    outcome = Outcome.SKIPPED;
                    summary = "undecided until " + String.join(", ", plannedDependencies(id)) + " applied ("
                            + e.getMessage() + ")";
                } else if (connectionLost(e)) {
                    outcome = Outcome.UNKNOWN;
                    summary = e.getMessage() + " — state unknown; the next run re-checks before acting";
                } else {
                    outcome = Outcome.FAILED;
                    summary = e.getMessage();
                    failure = e.failure();
                }
            } catch (NodeConnectionException e) {
                outcome = Outcome.FAILED;
                summary = id + ": " + e.getMessage();
                failure = new StepFailure(ProblemCode.NODE_UNREACHABLE, e.getMessage(),
                        "check that the node is running and answers SSH from this workstation, then run again");
            } catch (java.util.concurrent.CompletionException e) {
                // A prompt that could not be answered (no terminal) arrives this way.
                outcome = Outcome.FAILED;
                String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                summary = id + ": " + why;
                failure = new StepFailure(ProblemCode.PROMPT_UNANSWERED, String.valueOf(why),
                        "run again from a terminal or the wizard, where the question can be answered");
            } catch (RuntimeException e) {
                outcome = Outcome.FAILED;
                summary = id + ": internal error: " + e;
                failure = new StepFailure(ProblemCode.STEP_INTERNAL_ERROR, "internal error: " + e,
                        "a fault in hainstall, not in the node: report it with the run's log folder");
            }
            Duration took = Duration.between(start, clock.instant());
            sink.publish(new Event.StepFinished(clock.instant(), id, outcome, summary, took, failure));
            return new StepResult(id, outcome, summary, took, failure);
        }

        private void rememberSecrets(Check.Change change) {
            for (Action each : change.actions()) {
                Action action = each instanceof Action.On on ? on.action() : each;
                if (action instanceof Action.WriteFile file && file.secret()) {
                    redactor.remember(file.content());
                }
            }
        }

        private boolean waitsOnPlannedChange(StepId id) {
            return !plannedDependencies(id).isEmpty();
        }

        private List<String> plannedDependencies(StepId id) {
            return graph.transitiveDependenciesOf(id).stream().filter(planned::contains)
                    .sorted((a, b) -> Integer.compare(graph.position(a), graph.position(b)))
                    .map(StepId::toString).toList();
        }
    }

    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.CONNECTION_LOST) {
                return true;
            }
        }
        return false;
    }

    private static String lane(StepId id) {
        return id.clusterWide() ? CLUSTER_LANE : id.node();
    }

    private static String outcomeWord(Outcome outcome) {
        return switch (outcome) {
            case FAILED -> "failed";
            case UNKNOWN -> "ended in an unknown state";
            case SKIPPED -> "was skipped";
            default -> outcome.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
