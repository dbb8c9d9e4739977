package org.hainstall.core.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * A run's lock on one node, held while the run is connected, so that two workstations cannot drive one cluster
 * at once (FAULTS 31).
 *
 * <p>The lock is the directory {@value #DIR}: {@code mkdir} is atomic, so exactly one run creates it. Its
 * {@code owner} file names the run, user, host and pid; its modification time, refreshed by {@link #refresh},
 * tells how recently the holder was alive. A lock not refreshed for {@code staleAfter} (its run crashed or
 * lost the network) is taken over with a warning. {@code /run} is a tmpfs, so a reboot frees the lock too.
 * Ages are measured with the node's own clock, so workstations with different clocks agree.
 */
public final class NodeLock {
    public static final String DIR = "/run/hainstall.lock";
    public static final String OWNER = DIR + "/owner";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Creates the lock; exit 0 when this run got it. */
    public static final Command ACQUIRE = Command.of("mkdir", DIR);
    /** Prints "absent", or the owner file's lines followed by "age=SECONDS" (of the owner file, or the folder). */
    public static final Command INSPECT = Command.raw("if [ -d " + DIR + " ]; then cat " + OWNER
            + " 2>/dev/null; f=" + OWNER + "; [ -e \"$f\" ] || f=" + DIR
            + "; echo \"age=$(( $(date +%s) - $(stat -c %Y \"$f\") ))\"; else echo absent; fi");
    public static final Command TOUCH = Command.of("touch", OWNER);
    public static final Command REMOVE = Command.of("rm", "-rf", DIR);

    private final Shell shell;
    private final LockOwner me;
    private final Duration staleAfter;
    private final EventSink sink;
    private final java.time.Clock clock;
    private final java.util.function.LongPredicate processAlive;
    private volatile boolean held;

    public NodeLock(Shell shell, LockOwner me, Duration staleAfter, EventSink sink, java.time.Clock clock) {
        this(shell, me, staleAfter, sink, clock, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * @param processAlive whether a process of this workstation is alive: a lock held by a dead process of this
     *                     same host (an installer that was killed) is taken over at once, not only when stale
     */
    public NodeLock(Shell shell, LockOwner me, Duration staleAfter, EventSink sink, java.time.Clock clock,
                    java.util.function.LongPredicate processAlive) {
        this.shell = shell;
        this.me = me;
        this.staleAfter = staleAfter;
        this.sink = sink;
        this.clock = clock;
        this.processAlive = processAlive;
    }

    /** What {@link #INSPECT} found. */
    record State(boolean present, LockOwner owner, long ageSeconds) { }

    public void acquire() throws LockHeldException, RemoteException {
        if (tryCreate()) {
            return;
        }
        State state = inspect();
        if (!state.present()) {
            // Released between our mkdir and our look: try once more.
            if (tryCreate()) {
                return;
            }
            state = inspect();
        }
        if (me.sameRunAs(state.owner())) {
            held = true;
            return;
        }
        boolean holderDead = state.owner() != null && me.host().equals(state.owner().host())
                && state.owner().pid() > 0 && state.owner().pid() != me.pid()
                && !processAlive.test(state.owner().pid());
        if (holderDead || state.ageSeconds() >= staleAfter.toSeconds()) {
            String who = state.owner() == null ? "a run that left no owner file" : state.owner().describe();
            String why = holderDead ? "its process no longer runs on this workstation"
                    : "not refreshed for " + state.ageSeconds() + " s (stale after " + staleAfter.toSeconds() + " s)";
            sink.publish(new Event.Notice(clock.instant(), shell.nodeName(), Event.Notice.Level.WARNING,
                    "taking over a stale lock " + DIR + " on " + shell.nodeName() + ": held by " + who + ", " + why));
            String aside = DIR + ".stale-" + me.runId();
            run(Command.of("mv", DIR, aside).and(Command.of("rm", "-rf", aside)), "move the stale lock aside");
            if (tryCreate()) {
                return;
            }
            state = inspect();
        }
        throw refused(state);
    }

    private boolean tryCreate() throws RemoteException {
        CommandResult made = shell.run(ACQUIRE, TIMEOUT);
        if (!made.ok()) {
            return false;
        }
        shell.upload(me.toFileContent().getBytes(StandardCharsets.UTF_8), OWNER, 0644);
        held = true;
        return true;
    }

    private LockHeldException refused(State state) {
        String who = state.owner() == null ? "a run that left no owner file" : state.owner().describe();
        long staleIn = Math.max(0, staleAfter.toSeconds() - state.ageSeconds());
        return new LockHeldException(shell.nodeName(), state.owner(), shell.nodeName()
                + ": another hainstall run holds the lock " + DIR + " — " + who + ", last refreshed "
                + state.ageSeconds() + " s ago. Refused: nothing was changed. Wait for that run to end; its lock "
                + "counts as stale after " + staleAfter.toSeconds() + " s without a refresh (in " + staleIn
                + " s). Remove " + DIR + " on " + shell.nodeName() + " by hand only if you are sure no run is active.");
    }

    /**
     * Shows the node that this run is alive. Throws {@link LockHeldException} when the lock is no longer ours
     * (another run took it over as stale): the run must then stop.
     */
    public void refresh() throws LockHeldException, RemoteException {
        State state = inspect();
        if (!state.present() || !me.sameRunAs(state.owner())) {
            held = false;
            throw new LockHeldException(shell.nodeName(), state.owner(), shell.nodeName() + ": this run lost its lock "
                    + DIR + (state.owner() == null ? "" : " to " + state.owner().describe()));
        }
        run(TOUCH, "refresh the lock");
    }

    /** Removes the lock if it is still ours. Best effort: a lock left behind turns stale by itself. */
    public void release() {
        if (!held) {
            return;
        }
        try {
            State state = inspect();
            if (state.present() && me.sameRunAs(state.owner())) {
                run(REMOVE, "remove the lock");
            }
            held = false;
        } catch (RemoteException e) {
            sink.publish(new Event.Notice(clock.instant(), shell.nodeName(), Event.Notice.Level.WARNING,
                    "could not remove the lock " + DIR + " on " + shell.nodeName() + " (" + e.getMessage()
                            + "); it turns stale after " + staleAfter.toSeconds() + " s"));
        }
    }

    public boolean held() {
        return held;
    }

    State inspect() throws RemoteException {
        CommandResult r = shell.run(INSPECT, TIMEOUT);
        if (!r.ok()) {
            throw new RemoteException(RemoteException.Kind.IO, shell.nodeName() + ": cannot read the lock " + DIR
                    + " (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        String out = r.stdout().strip();
        if (out.equals("absent")) {
            return new State(false, null, 0);
        }
        Map<String, String> fields = LockOwner.fields(out);
        long age;
        try {
            age = Long.parseLong(fields.getOrDefault("age", "0"));
        } catch (NumberFormatException e) {
            age = 0;
        }
        LockOwner owner = fields.containsKey("run") ? LockOwner.parse(fields) : null;
        return new State(true, owner, age);
    }

    private void run(Command command, String what) throws RemoteException {
        CommandResult r = shell.run(command, TIMEOUT);
        if (!r.ok()) {
            throw new RemoteException(RemoteException.Kind.IO, shell.nodeName() + ": could not " + what + " ("
                    + command.line() + ", exit " + r.exitCode() + "): " + r.stderr().strip());
        }
    }
}
