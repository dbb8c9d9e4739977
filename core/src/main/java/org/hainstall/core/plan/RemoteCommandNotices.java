package org.hainstall.core.plan;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.hainstall.core.remote.CountingShell;

/**
 * Tells, just before a run's {@link Event.RunFinished}, how many remote commands (SSH round trips) each node's
 * connection ran and the time spent in them: one INFO notice per node, so the figure lands on the terminal, in
 * {@code events.jsonl} and in the node's log. Inserted between the runner and the run's sink.
 */
final class RemoteCommandNotices implements EventSink {
    private final EventSink next;
    private final Supplier<Map<String, CountingShell.Tally>> tallies;
    private final Clock clock;

    RemoteCommandNotices(EventSink next, Supplier<Map<String, CountingShell.Tally>> tallies, Clock clock) {
        this.next = next;
        this.tallies = tallies;
        this.clock = clock;
    }

    @Override
    public void publish(Event event) {
        if (event instanceof Event.RunFinished) {
            tallies.get().forEach((node, t) -> next.publish(new Event.Notice(clock.instant(), node,
                    Event.Notice.Level.INFO, message(t))));
        }
        next.publish(event);
    }

    static String message(CountingShell.Tally t) {
        return String.format(Locale.ROOT, "%d remote command%s in %.1f s", t.commands(),
                t.commands() == 1 ? "" : "s", t.time().toMillis() / 1000.0);
    }
}
