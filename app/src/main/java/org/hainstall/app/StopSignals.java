package org.hainstall.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a run goes on: the first asks the run to stop (no new step starts, a wait ends
 * at once, what this run defined is undone as on a failure, the journal keeps what finished); a second one quits
 * at once. A JVM shutdown hook cannot do this: once the JVM shuts down, further signals are ignored, so a second
 * Ctrl-C could never cut a stop short. sun.misc.Signal (module jdk.unsupported) handles the signals themselves.
 * The previous handlers come back on {@link #close()}.
 */
final class StopSignals implements AutoCloseable {
    /** The exit status of a second signal: 128 + SIGINT, as a shell reports an interrupted command. */
    static final int QUIT_AT_ONCE = 130;

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals(Runnable stop, PrintStream err, Runnable quit) {
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler = signal -> {
            if (received.incrementAndGet() == 1) {
                err.println();
                err.println("hainstall: SIG" + signal.getName() + " — stopping: no new step starts, the waits end now,"
                        + " and what this run made is undone; the next run resumes. (Once more to quit at once.)");
                err.flush();
                stop.run();
            } else {
                err.println("hainstall: quitting at once; run the command again to check and resume");
                err.flush();
                quit.run();
            }
        };
        for (String name : List.of("INT", "TERM")) {
            Signal s = new Signal(name);
            signals.add(s);
            SignalHandler before = Signal.handle(s, handler);
            previous.add(before);
            if (before == SignalHandler.SIG_IGN) {
                // The JVM keeps a signal ignored that was ignored when it started (a shell's "cmd &"): say so.
                LoggerFactory.getLogger(StopSignals.class).debug("SIG{} was ignored when hainstall started; it stays"
                        + " ignored (send SIGTERM to stop the run)", name);
            }
        }
    }

    /** @param stop asks the run to stop (it must return at once) */
    static StopSignals during(Runnable stop, PrintStream err) {
        return new StopSignals(stop, err, () -> Runtime.getRuntime().halt(QUIT_AT_ONCE));
    }

    /** For tests: what a second signal does instead of halting the JVM. */
    static StopSignals during(Runnable stop, PrintStream err, Runnable quit) {
        return new StopSignals(stop, err, quit);
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
