package org.hainstall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.run.EventPump;
import org.hainstall.core.usecase.RunHandle;
import org.hainstall.core.usecase.RunRequest;
import org.hainstall.ui.run.Workflows;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The run page's log under load: output lines are published from a worker thread at rising rates, through the
 * real pump, tree and log view, while the FX thread's work per pulse is measured.
 * Prints, per rate, the lines per second the view took in, the FX thread's work per pulse and dropped lines, and
 * the highest rate sustained with the 99th-percentile pulse under 16 ms (a 60 Hz frame).
 * Run: mvn -o -pl ui -am test -Dtest=LogViewBenchmark -Dui.excludedGroups=lab -Dsurefire.failIfNoSpecifiedTests=false
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class LogViewBenchmark {
    private static final int[] RATES = {0, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000};
    private static final long SECONDS_PER_RATE = 3;
    private static final StepId STEP = StepId.onNode("packages", "sales-db1");
    private final AtomicReference<EventSink> sink = new AtomicReference<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private RunPage page;

    @Start
    void start(Stage stage) {
        Workflows engine = new Workflows() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public RunHandle start(RunRequest request, EventSink events, AdminPrompter prompter) {
                // The dry run before the start plans nothing here; the run itself is what is measured.
                CompletableFuture<Void> finished = request.dryRun() ? CompletableFuture.completedFuture(null) : done;
                if (!request.dryRun()) {
                    sink.set(events);
                }
                return new RunHandle() {
                    @Override
                    public void cancel() {
                        done.complete(null);
                    }

                    @Override
                    public CompletableFuture<Void> finished() {
                        return finished;
                    }

                    @Override
                    public Optional<Path> logFolder() {
                        return Optional.empty();
                    }
                };
            }
        };
        page = new RunPage(engine, ExampleConfig::expected, () -> null, confirmation -> true, f -> { }, Runnable::run,
                Clock.systemUTC());
        stage.setScene(new Scene((javafx.scene.Parent) page.content(), 1100, 700));
        stage.show();
    }

    @Test
    void logViewSustainedLinesPerSecond(FxRobot robot) throws Exception {
        robot.interact(() -> page.start(RunMode.CREATE));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> sink.get() != null);
        sink.get().publish(new Event.RunStarted(Instant.now(), "bench", RunMode.CREATE, List.of(STEP)));
        sink.get().publish(new Event.StepStarted(Instant.now(), STEP, "packages"));
        // Per pulse, the FX thread's CPU time between two post-layout points: the pump's drain, animation
        // timers, CSS and layout (rendering runs on the render thread). CPU time, not wall time, because this
        // machine's two cores are shared: a descheduled thread's wait is not work the pulse did.
        List<Long> frames = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] lastCpu = new long[1];
        Runnable postLayout = () -> {
            long now = cpu.getCurrentThreadCpuTime();
            if (lastCpu[0] != 0) {
                synchronized (frames) {
                    frames.add(now - lastCpu[0]);
                }
            }
            lastCpu[0] = now;
        };
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                // keeps a pulse every frame, so each frame is measured
            }
        };
        robot.interact(() -> {
            timer.start();
            page.content().getScene().addPostLayoutPulseListener(postLayout);
        });
        produce(20_000, 2); // warm-up: JIT and the first cells, not measured
        Thread.sleep(300);
        int best = 0;
        System.out.printf("%n%10s %12s %10s %10s %10s %8s%n", "offered/s", "taken in/s", "cpu p50 ms", "cpu p99 ms",
                "max ms", "dropped");
        for (int rate : RATES) {
            long before = appended(robot);
            long droppedBefore = dropped();
            synchronized (frames) {
                frames.clear();
            }
            produce(rate, SECONDS_PER_RATE);
            Thread.sleep(300); // let the pump drain the tail
            long taken = appended(robot) - before;
            long drops = dropped() - droppedBefore;
            double[] intervals;
            synchronized (frames) {
                intervals = frames.stream().mapToDouble(n -> n / 1e6).toArray();
            }
            Arrays.sort(intervals);
            double p50 = pct(intervals, 0.50);
            double p99 = pct(intervals, 0.99);
            double max = intervals.length == 0 ? 0 : intervals[intervals.length - 1];
            double perSecond = taken / (double) SECONDS_PER_RATE;
            System.out.printf("%10d %12.0f %10.1f %10.1f %10.1f %8d%n", rate, perSecond, p50, p99, max, drops);
            if (drops == 0 && taken >= (long) rate * SECONDS_PER_RATE * 95 / 100 && p99 < 16) {
                best = rate;
            }
        }
        robot.interact(timer::stop);
        System.out.printf("log view: %d lines/s sustained with the FX pulse under 16 ms (p99 CPU per pulse; load average %s)%n%n",
                best, java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        done.complete(null);
        assertThat(appended(robot)).isPositive();
    }

    private void produce(int rate, long seconds) {
        EventSink s = sink.get();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long sent = 0;
        AtomicBoolean stop = new AtomicBoolean();
        while (!stop.get()) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = (long) ((now - start) / 1e9 * rate);
            for (; sent < due; sent++) {
                s.publish(new Event.OutputLine(Instant.now(), STEP, OutputListener.Stream.STDOUT,
                        "Unpacking libdrbd-utils (9.22.0-1) over (9.21.0-1) ... line " + sent));
            }
            LockSupport.parkNanos(500_000);
        }
    }

    private long appended(FxRobot robot) {
        AtomicReference<Long> n = new AtomicReference<>();
        robot.interact(() -> n.set(page.log().appended()));
        return n.get();
    }

    private long dropped() {
        return page.eventPump().droppedLines();
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
    }
}
