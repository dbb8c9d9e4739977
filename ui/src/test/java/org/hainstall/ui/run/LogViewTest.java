package org.hainstall.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.OutputListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class LogViewTest {
    private static final StepId STEP = StepId.onNode("packages", "n1");

    @Test
    void theShownListNeverGrowsPastItsCapAndKeepsTheNewestLines(FxRobot robot) {
        AtomicReference<LogView> view = new AtomicReference<>();
        robot.interact(() -> {
            LogView v = new LogView();
            List<LogLine> lines = new ArrayList<>();
            for (int i = 0; i < LogView.MAX_SHOWN + 500; i++) {
                lines.add(new LogLine(Instant.EPOCH, STEP, LogLine.Kind.OUT, "line " + i));
            }
            v.append(lines.subList(0, 1000));
            v.append(lines.subList(1000, lines.size()));
            view.set(v);
        });
        List<LogLine> shown = view.get().shown();
        assertThat(shown).hasSize(LogView.MAX_SHOWN);
        assertThat(shown.get(shown.size() - 1).text()).isEqualTo("line " + (LogView.MAX_SHOWN + 499));
        assertThat(shown.get(0).text()).isEqualTo("line 500");
    }

    @Test
    void thePumpHandsEventsToTheFxThreadInOneBatch(FxRobot robot) throws Exception {
        List<List<Event>> batches = new ArrayList<>();
        List<Boolean> onFxThread = new ArrayList<>();
        AtomicReference<EventPump> pump = new AtomicReference<>();
        robot.interact(() -> pump.set(new EventPump(b -> {
            batches.add(b);
            onFxThread.add(javafx.application.Platform.isFxApplicationThread());
        })));
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                pump.get().publish(new Event.OutputLine(Instant.EPOCH, STEP, OutputListener.Stream.STDOUT, "x" + i));
            }
        });
        worker.start();
        worker.join();
        robot.interact(() -> pump.get().drain());
        assertThat(batches).singleElement().satisfies(b -> assertThat(b).hasSize(1000));
        assertThat(onFxThread).containsOnly(true);
    }

    @Test
    void whenTheFxThreadFallsBehindOutputLinesAreDroppedAndCounted() {
        EventPump pump = new EventPump(b -> { });
        for (int i = 0; i < EventPump.CAPACITY + 10; i++) {
            pump.publish(new Event.OutputLine(Instant.EPOCH, STEP, OutputListener.Stream.STDOUT, "x"));
        }
        assertThat(pump.droppedLines()).isEqualTo(10);
    }
}
