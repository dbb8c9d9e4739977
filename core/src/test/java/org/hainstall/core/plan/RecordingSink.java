package org.hainstall.core.plan;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event, in order, for assertions. */
final class RecordingSink implements EventSink {
    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void publish(Event event) {
        events.add(event);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    <T extends Event> List<T> of(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Step ids in the order they started. */
    List<StepId> startOrder() {
        return of(Event.StepStarted.class).stream().map(Event.StepStarted::step).toList();
    }
}
