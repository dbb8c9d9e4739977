package org.hainstall.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * What the screenshot programs (ui's {@link Screenshots}, app's WiredScreenshots) share: running on the FX thread,
 * letting the window settle, capturing it as a PNG, and ending the JVM with the program's outcome.
 */
public final class ScreenCapture {
    /** A screenshot program's body. */
    @FunctionalInterface
    public interface Shots {
        void take() throws Exception;
    }

    private ScreenCapture() {
    }

    /** Runs the shots, then ends JavaFX and the JVM: exit 0 when all were taken, 1 (with the trace) otherwise. */
    public static void runAndExit(Shots shots) {
        int status = 1;
        try {
            shots.take();
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
            System.exit(status);
        }
    }

    /** The wizard's window as it is on screen, to {@code out/name.png}. */
    public static void shoot(Wizard wizard, Path out, String name) throws Exception {
        WritableImage image = fx(() -> {
            Stage s = (Stage) wizard.root().getScene().getWindow();
            return new Robot().getScreenCapture(null, s.getX(), s.getY(), s.getWidth(), s.getHeight(), false);
        });
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Path file = out.resolve(name + ".png");
        ImageIO.write(png, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    /**
     * Lets layout, CSS, the 100 ms event pump and the renderer catch up: a page built on first use needs some
     * pulses before it is on the screen, so a few frames must have been drawn after the FX thread is idle.
     */
    public static void settle() throws Exception {
        Thread.sleep(500);
        for (int round = 0; round < 2; round++) {
            java.util.concurrent.CountDownLatch frames = new java.util.concurrent.CountDownLatch(4);
            fx(() -> {
                new javafx.animation.AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        frames.countDown();
                        if (frames.getCount() == 0) {
                            stop();
                        }
                    }
                }.start();
                return null;
            });
            frames.await(10, TimeUnit.SECONDS);
            Thread.sleep(300);
        }
    }

    /** The work's result, computed on the FX thread. */
    public static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    /** One picture of each config page, named by its place in the page list ("02-cluster" …). */
    public static void shootConfigPages(Wizard wizard, Path out) throws Exception {
        for (String page : new String[] {"cluster", "nodes", "storage", "replication", "heartbeat", "db2", "backup"}) {
            fx(() -> {
                wizard.go(page);
                return null;
            });
            settle();
            shoot(wizard, out, String.format("%02d-%s", wizard.pages().indexOf(wizard.page(page)) + 1, page));
        }
    }

    /** The run page's start confirmation window while it is open, else null. */
    public static javafx.stage.Window confirmation() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#confirm-run-start") != null).findFirst().orElse(null);
    }
}
