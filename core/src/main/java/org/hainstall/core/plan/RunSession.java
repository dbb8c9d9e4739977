package org.hainstall.core.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.ShellFactory;

/**
 * One run against a cluster, from connecting to the last log line — the part the command line and the wizard
 * share. An applying run: opens a run folder in the state folder, connects to every node, takes each node's lock
 * (refreshed while it runs), resumes the last unfinished run of the same config from its journal, runs the steps,
 * tells each node's remote-command count ({@link RemoteCommandNotices}), releases the locks. A dry run connects (through whatever {@link ShellFactory} it is given — SSH for
 * {@code modify}, {@link Workflows#blankShells} for {@code create}), checks, and writes nothing anywhere.
 */
public final class RunSession {

    /**
     * How a session runs.
     *
     * @param connectEagerly connect to (and lock) every node before the first step — modify; otherwise a node is
     *                       connected when a step first needs it — create, whose nodes exist only after provisioning
     */
    public record Options(RunMode mode, RunEffect effect, boolean resume, boolean connectEagerly,
                          Duration lockStaleAfter, Duration lockRefreshEvery) {
        public static Options apply(RunMode mode) {
            return new Options(mode, RunEffect.APPLY, true, true, Duration.ofMinutes(5), Duration.ofMinutes(1));
        }

        public static Options dryRun(RunMode mode) {
            return new Options(mode, RunEffect.DRY_RUN, false, true, Duration.ofMinutes(5), Duration.ofMinutes(1));
        }

        public Options withoutResume() {
            return new Options(mode, effect, false, connectEagerly, lockStaleAfter, lockRefreshEvery);
        }

        public Options connectingOnFirstUse() {
            return new Options(mode, effect, resume, false, lockStaleAfter, lockRefreshEvery);
        }

        public Options withLockTimes(Duration staleAfter, Duration refreshEvery) {
            return new Options(mode, effect, resume, connectEagerly, staleAfter, refreshEvery);
        }
    }

    /** What the session did; {@code runFolder} is null for a dry run. */
    public record Result(RunResult run, Path runFolder, Plan plan) { }

    private final ClusterConfig config;
    private final List<Step> steps;
    private final ShellFactory shells;
    private final SecretsView secrets;
    private final AdminPrompter prompter;
    private final EventSink listener;
    private final StateFolder state;
    private final Clock clock;
    private final Options options;
    private volatile boolean cancelled;
    private volatile Runner runner;

    public RunSession(ClusterConfig config, List<Step> steps, ShellFactory shells, SecretsView secrets,
                      AdminPrompter prompter, EventSink listener, StateFolder state, Clock clock, Options options) {
        this.config = config;
        this.steps = List.copyOf(steps);
        this.shells = shells;
        this.secrets = secrets;
        this.prompter = prompter;
        this.listener = listener;
        this.state = state;
        this.clock = clock;
        this.options = options;
        new StepGraph(this.steps); // a broken catalog fails here, before anything connects
    }

    /** Stops at the next step boundary; before the steps started, stops before they start. Any thread. */
    public void cancel() {
        cancelled = true;
        Runner r = runner;
        if (r != null) {
            r.cancel();
        }
    }

    public Result run() throws IOException, RemoteException, LockHeldException {
        return options.effect() == RunEffect.DRY_RUN ? dryRun() : applyRun();
    }

    private Result dryRun() throws RemoteException, LockHeldException {
        Redactor redactor = new Redactor();
        Plan.Collector plan = new Plan.Collector();
        EventSink sink = fanOut(plan, listener);
        try (NodeConnections connections = new NodeConnections(config, shells, null)) {
            connections.openAll();
            Runner r = new Runner(new RunTarget(config, connections, secrets, prompter), sink, RunJournal.none(),
                    clock, redactor);
            runner = r;
            if (cancelled) {
                r.cancel();
            }
            RunResult result = r.run(options.mode().word() + "-dry-run", options.mode(), RunEffect.DRY_RUN, steps);
            return new Result(result, null, plan.plan(steps, result));
        }
    }

    private Result applyRun() throws IOException, RemoteException, LockHeldException {
        String digest = ConfigDigest.of(config);
        try (AutoCloseable localLock = state.lockForRun()) {
            RunFolder folder = state.newRun(options.mode(), clock.instant());
            Redactor redactor = new Redactor();
            EventSink sink = redactor.wrap(fanOut(folder, listener));
            LockOwner me = LockOwner.forThisProcess(folder.runId(), clock.instant());
            NodeConnections connections = new NodeConnections(config, shells,
                    shell -> new NodeLock(shell, me, options.lockStaleAfter(), sink, clock));
            ScheduledExecutorService refresher = null;
            try {
                if (options.connectEagerly()) {
                    connections.openAll();
                }
                // Only now, holding the locks, may this run look for a run to resume and start its journal.
                Optional<JournalFile.Snapshot> resumed = options.resume()
                        ? state.resumable(options.mode(), digest) : Optional.empty();
                resumed.ifPresent(s -> sink.publish(resumeNotice(s)));
                JournalFile journal = new JournalFile(folder.journal(), folder.runId(), options.mode(), digest,
                        resumed, clock);
                Runner r = new Runner(new RunTarget(config, connections, secrets, prompter),
                        new RemoteCommandNotices(sink, connections::tallies, clock), journal, clock, redactor);
                runner = r;
                if (cancelled) {
                    r.cancel();
                }
                refresher = startRefreshing(connections, sink, r);
                RunResult result = r.run(folder.runId(), options.mode(), RunEffect.APPLY, steps);
                return new Result(result, folder.dir(), null);
            } catch (LockHeldException | RemoteException e) {
                sink.publish(new Event.Notice(clock.instant(), null, Event.Notice.Level.WARNING,
                        "run not started: " + e.getMessage()));
                throw e;
            } finally {
                if (refresher != null) {
                    refresher.shutdownNow();
                    try {
                        refresher.awaitTermination(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                connections.close();
                folder.close();
            }
        } catch (IOException | RemoteException | LockHeldException | RuntimeException e) {
            throw e;
        } catch (Exception closing) {
            throw new IOException("cannot release the state folder's lock: " + closing.getMessage(), closing);
        }
    }

    private Event.Notice resumeNotice(JournalFile.Snapshot s) {
        List<String> running = s.steps().entrySet().stream().filter(e -> !e.getValue().finished())
                .map(e -> e.getKey().toString()).toList();
        return new Event.Notice(clock.instant(), null, Event.Notice.Level.INFO, "resuming run " + s.runId()
                + " (" + s.state().name().toLowerCase(java.util.Locale.ROOT) + "): " + s.finishedSteps().size()
                + " step(s) it finished are not redone"
                + (running.isEmpty() ? "" : "; re-checking the step(s) it left running: " + String.join(", ", running)));
    }

    private ScheduledExecutorService startRefreshing(NodeConnections connections, EventSink sink, Runner r) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "hainstall-lock-refresh");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, options.lockRefreshEvery().toMillis());
        s.scheduleWithFixedDelay(() -> {
            for (NodeLock lock : connections.locks()) {
                try {
                    lock.refresh();
                } catch (LockHeldException e) {
                    sink.publish(new Event.Notice(clock.instant(), e.node(), Event.Notice.Level.WARNING,
                            e.getMessage() + "; stopping at the next step boundary"));
                    r.cancel();
                } catch (RemoteException | RuntimeException e) {
                    sink.publish(new Event.Notice(clock.instant(), null, Event.Notice.Level.WARNING,
                            "could not refresh a lock: " + e.getMessage()));
                }
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return s;
    }

    private static EventSink fanOut(EventSink first, EventSink second) {
        return event -> {
            first.publish(event);
            second.publish(event);
        };
    }
}
