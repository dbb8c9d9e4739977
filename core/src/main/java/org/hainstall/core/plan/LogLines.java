package org.hainstall.core.plan;

import java.util.Locale;

/** Events as the lines of a node's log file: a timestamp, the step, what happened. */
final class LogLines {
    private LogLines() {
    }

    /** The node whose log the event belongs to; "" for cluster-wide steps; null for run-wide events. */
    static String node(Event event) {
        if (event instanceof Event.StepStarted e) {
            return nodeOf(e.step());
        } else if (event instanceof Event.OutputLine e) {
            return nodeOf(e.step());
        } else if (event instanceof Event.ChangePlanned e) {
            return nodeOf(e.step());
        } else if (event instanceof Event.StepFinished e) {
            return nodeOf(e.step());
        } else if (event instanceof Event.Notice e) {
            return e.node();
        } else if (event instanceof Event.PromptRequested e) {
            return e.prompt().node();
        }
        return null;
    }

    private static String nodeOf(StepId id) {
        return id.clusterWide() ? "" : id.node();
    }

    static String format(Event event) {
        String at = event.at().toString();
        if (event instanceof Event.RunStarted e) {
            return at + " run " + e.runId() + " (" + e.mode().word() + ") started";
        } else if (event instanceof Event.StepStarted e) {
            return at + " " + e.step().name() + ": started — " + e.title();
        } else if (event instanceof Event.OutputLine e) {
            return at + " " + e.step().name() + (e.stream() == org.hainstall.core.remote.OutputListener.Stream.STDERR
                    ? " ! " : " | ") + e.line();
        } else if (event instanceof Event.ChangePlanned e) {
            StringBuilder b = new StringBuilder(at + " " + e.step().name() + ": change: " + e.description());
            for (String action : e.actions()) {
                b.append("\n    ").append(action.replace("\n", "\n      "));
            }
            return b.toString();
        } else if (event instanceof Event.StepFinished e) {
            return at + " " + e.step().name() + ": " + e.outcome().name().toLowerCase(Locale.ROOT)
                    + " in " + e.took().toMillis() + " ms — " + e.summary();
        } else if (event instanceof Event.PromptRequested e) {
            return at + " prompt: " + e.prompt().title() + " — " + e.prompt().message();
        } else if (event instanceof Event.PromptAnswered e) {
            return at + " prompt " + e.promptId() + " answered: " + e.answer();
        } else if (event instanceof Event.RunFinished e) {
            return at + " run finished: " + e.summary();
        } else if (event instanceof Event.Notice e) {
            return at + " " + e.level().name().toLowerCase(Locale.ROOT) + ": " + e.message();
        }
        return null;
    }
}
