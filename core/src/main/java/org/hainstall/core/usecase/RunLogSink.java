package org.hainstall.core.usecase;

import java.nio.file.Path;
import java.util.function.Function;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.EventSink;

/**
 * Passes a run's events on and, from the run's start to its end, copies the log into the run's folder
 * ({@link RunLogCopy}): the details behind a failed step, and any library message, sit beside the step's log.
 */
final class RunLogSink implements EventSink {
    private final EventSink next;
    private final RunLogCopy log;
    private final Function<String, Path> folderOfRun;
    private AutoCloseable copy;

    RunLogSink(EventSink next, RunLogCopy log, Function<String, Path> folderOfRun) {
        this.next = next;
        this.log = log;
        this.folderOfRun = folderOfRun;
    }

    @Override
    public void publish(Event event) {
        if (event instanceof Event.RunStarted started) {
            startCopy(started.runId());
        }
        next.publish(event);
        if (event instanceof Event.RunFinished) {
            stopCopy();
        }
    }

    private synchronized void startCopy(String runId) {
        if (copy == null) {
            copy = log.copyInto(folderOfRun.apply(runId));
        }
    }

    private synchronized void stopCopy() {
        if (copy != null) {
            try {
                copy.close();
            } catch (Exception ignored) {
                // Detaching a file appender does not fail; the run's result matters more than its log copy.
            }
            copy = null;
        }
    }
}
