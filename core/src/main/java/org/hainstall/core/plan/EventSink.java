package org.hainstall.core.plan;

/** Receives a run's events, on the runner's threads; a UI hops to its own thread itself. */
@FunctionalInterface
public interface EventSink {
    void publish(Event event);
}
