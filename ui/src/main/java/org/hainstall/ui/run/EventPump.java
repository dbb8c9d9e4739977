package org.hainstall.ui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.EventSink;

/**
 * Carries core's events from the runner's threads to the FX thread in batches: workers put events in a bounded
 * queue, a 100 ms timeline on the FX thread drains it and hands over one list. Never one
 * {@code Platform.runLater} per event, and nothing observable is touched on a worker thread.
 *
 * <p>When the FX thread falls behind, output lines are dropped (and counted) rather than growing without bound;
 * every other event (step started/finished, prompts) waits for room, so the tree is never wrong.
 */
public final class EventPump implements EventSink {
    public static final int CAPACITY = 65_536;
    private static final int MAX_BATCH = 50_000;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong droppedLines = new AtomicLong();
    private final Consumer<List<Event>> consumer;
    private final Timeline timeline;
    private long drains;
    private long lastDrainNanos;

    /** {@code consumer} runs on the FX thread with each non-empty batch. Construct on the FX thread. */
    public EventPump(Consumer<List<Event>> consumer) {
        this.consumer = consumer;
        this.timeline = new Timeline(new KeyFrame(Duration.millis(100), e -> drain()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    @Override
    public void publish(Event event) {
        if (event instanceof Event.OutputLine) {
            if (!queue.offer(event)) {
                droppedLines.incrementAndGet();
            }
            return;
        }
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void start() {
        timeline.play();
    }

    /** Stops the timer after handing over what is still queued. */
    public void stop() {
        drain();
        timeline.stop();
    }

    /** Output lines dropped because the FX thread fell behind. */
    public long droppedLines() {
        return droppedLines.get();
    }

    /** Hands over everything queued now; FX thread only. */
    public void drain() {
        long t0 = System.nanoTime();
        List<Event> batch = new ArrayList<>();
        queue.drainTo(batch, MAX_BATCH);
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
        lastDrainNanos = System.nanoTime() - t0;
        drains++;
    }

    /** How many times the queue was drained (FX thread only): with {@link #lastDrainNanos()}, for measuring. */
    public long drains() {
        return drains;
    }

    /** How long the last drain kept the FX thread busy, batch handling included (FX thread only). */
    public long lastDrainNanos() {
        return lastDrainNanos;
    }
}
