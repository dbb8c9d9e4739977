package org.hainstall.app;

import java.io.PrintStream;
import java.util.Locale;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.plan.StepId;

/**
 * A run's progress on the terminal: one line per step start and finish (node, step, outcome, duration), notices,
 * and — with {@code --verbose} — every output line, prefixed with its node.
 */
final class TerminalProgress implements EventSink {
    private final PrintStream out;
    private final boolean verbose;

    TerminalProgress(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public synchronized void publish(Event event) {
        if (event instanceof Event.StepStarted e) {
            out.println(prefix(e.step()) + "started");
        } else if (event instanceof Event.StepFinished e) {
            String took = e.took().isZero() ? "" : String.format(Locale.ROOT, "%.1fs  ", e.took().toMillis() / 1000.0);
            out.println(prefix(e.step()) + pad(e.outcome().name().toLowerCase(Locale.ROOT), 8) + took + e.summary()
                    + (e.failure() == null ? "" : " [" + e.failure().code() + "]"));
        } else if (event instanceof Event.OutputLine e && verbose) {
            out.println(pad(node(e.step()), 12) + "| " + e.line());
        } else if (event instanceof Event.ChangePlanned e && verbose) {
            out.println(prefix(e.step()) + "change: " + e.description());
        } else if (event instanceof Event.Notice e) {
            out.println((e.level() == Event.Notice.Level.WARNING ? "warning: " : "note: ")
                    + (e.node() == null ? "" : e.node() + ": ") + e.message());
        } else if (event instanceof Event.RunStarted e) {
            out.println("run " + e.runId() + ": " + e.steps().size() + " steps");
        }
        out.flush();
    }

    private static String prefix(StepId id) {
        return pad(node(id), 12) + pad(id.name(), 24);
    }

    private static String node(StepId id) {
        return id.clusterWide() ? "cluster" : id.node();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
