package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/** Real signals raised in this JVM: the first stops the run, a second (INT or TERM) quits at once. */
class StopSignalsTest {

    @Test
    void firstSignalStopsTheRunASecondQuitsAtOnce() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch quit = new CountDownLatch(1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        try (StopSignals signals = StopSignals.during(stopped::countDown,
                new PrintStream(err, true, StandardCharsets.UTF_8), quit::countDown)) {
            Signal.raise(new Signal("INT"));
            assertThat(stopped.await(10, TimeUnit.SECONDS)).as("the first Ctrl-C stops the run").isTrue();
            assertThat(quit.getCount()).isEqualTo(1);

            Signal.raise(new Signal("TERM"));
            assertThat(quit.await(10, TimeUnit.SECONDS)).as("a second signal quits at once").isTrue();
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SIGINT — stopping: no new step starts")
                .contains("quitting at once");
    }

    @Test
    void sigtermAloneStopsTheRunAsCtrlCDoes() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (StopSignals signals = StopSignals.during(stopped::countDown, new PrintStream(new ByteArrayOutputStream()),
                () -> { })) {
            Signal.raise(new Signal("TERM"));
            assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
