package org.hainstall.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.EventSink;

/**
 * Passes events to the terminal and remembers the notices it showed, so that the command's closing line does not
 * say again what a notice said already (a run that could not start reports why as a notice, then throws).
 */
final class ShownNotices implements EventSink {
    private final EventSink next;
    private final List<String> shown = new CopyOnWriteArrayList<>();

    ShownNotices(EventSink next) {
        this.next = next;
    }

    @Override
    public void publish(Event event) {
        next.publish(event);
        if (event instanceof Event.Notice notice) {
            shown.add(notice.message());
        }
    }

    /** True when a notice already showed this text. */
    boolean shown(String text) {
        return text != null && shown.stream().anyMatch(message -> message.contains(text));
    }
}
