package org.hainstall.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * A benchmark hook ({@code ./bench --wizard}): when the system property {@value #PROPERTY} names a file, the wizard,
 * once its first window is shown and laid out, writes how long that took from the JVM's start and the heap in use
 * after a full GC, then closes itself. Nothing else: no window preferences are saved.
 */
public final class StartupReport {
    public static final String PROPERTY = "hainstall.startupReport";

    private final Path file;

    public StartupReport(Path file) {
        this.file = file;
    }

    /** The report the JVM was asked for with {@code -Dhainstall.startupReport=FILE}, if any. */
    public static Optional<StartupReport> requested() {
        String file = System.getProperty(PROPERTY);
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(new StartupReport(Path.of(file)));
    }

    /** Call on the FX thread before the stage is shown; reports after its first laid-out pulse, then hides it. */
    public void watch(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> {
            Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long startToWindowMillis = ManagementFactory.getRuntimeMXBean().getUptime();
                long cpuMillis = processCpuMillis();
                // A second later, outside the pulse: the first frame has been drawn by then (the render thread's
                // buffers are not counted), and the GC and the file write are not part of starting the wizard.
                PauseTransition settle = new PauseTransition(Duration.seconds(1));
                settle.setOnFinished(done -> {
                    try {
                        write(startToWindowMillis, cpuMillis, heapUsedAfterGc());
                    } finally {
                        stage.hide();
                    }
                });
                settle.play();
            };
            scene.addPostLayoutPulseListener(once[0]);
        });
    }

    /**
     * The heap in use right after a full GC. The FX render thread allocates again the moment a GC ends, so the
     * reading is taken three times and the least kept: that is the closest to what the wizard really holds.
     */
    private static long heapUsedAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** key=value lines, written beside the target and renamed, so a reader never sees half of them. */
    /**
     * The CPU time all the JVM's threads had used by then: on a machine shared with other work the wall time
     * includes waiting for a core, this does not.
     */
    private static long processCpuMillis() {
        // From java.base: the packaged runtime has no jdk.management module.
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    void write(long startToWindowMillis, long cpuToWindowMillis, long heapUsedBytes) {
        String text = "startToWindowMillis=" + startToWindowMillis + "\ncpuToWindowMillis=" + cpuToWindowMillis
                + "\nheapUsedBytes=" + heapUsedBytes + "\n";
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(dir, ".startup", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the startup report " + file, e);
        }
    }
}
