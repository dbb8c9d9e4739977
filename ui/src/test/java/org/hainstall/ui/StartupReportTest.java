package org.hainstall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The benchmark hook: once the window is shown it writes its figures and closes the window. */
@ExtendWith(ApplicationExtension.class)
class StartupReportTest {
    @TempDir
    Path dir;

    @Test
    void writesTimeToTheFirstWindowAndHeapOnceShownThenClosesTheWindow(FxRobot robot) throws Exception {
        Path file = dir.resolve("startup.properties");
        AtomicReference<Stage> stage = new AtomicReference<>();

        robot.interact(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Label("wizard"), 200, 100));
            new StartupReport(file).watch(s);
            assertThat(file).doesNotExist(); // nothing before the window is shown
            s.show();
            stage.set(s);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        WaitForAsyncUtils.waitForFxEvents();

        Properties figures = read(file);
        assertThat(figures.stringPropertyNames()).containsExactlyInAnyOrder("startToWindowMillis", "cpuToWindowMillis",
                "heapUsedBytes");
        assertThat(Long.parseLong(figures.getProperty("startToWindowMillis"))).isPositive();
        assertThat(Long.parseLong(figures.getProperty("cpuToWindowMillis"))).isPositive();
        assertThat(Long.parseLong(figures.getProperty("heapUsedBytes"))).isPositive();
        assertThat(stage.get().isShowing()).isFalse();
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file); // no temporary file left beside it
        }
    }

    @Test
    void isOnlyRequestedByTheSystemProperty() {
        String before = System.getProperty(StartupReport.PROPERTY);
        try {
            System.clearProperty(StartupReport.PROPERTY);
            assertThat(StartupReport.requested()).isEmpty();
            System.setProperty(StartupReport.PROPERTY, dir.resolve("r").toString());
            assertThat(StartupReport.requested()).isPresent();
        } finally {
            if (before == null) {
                System.clearProperty(StartupReport.PROPERTY);
            } else {
                System.setProperty(StartupReport.PROPERTY, before);
            }
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
