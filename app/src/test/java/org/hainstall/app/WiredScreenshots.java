package org.hainstall.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.ui.FxDialogs;
import org.hainstall.ui.Wizard;
import org.hainstall.ui.WizardServices;
import org.hainstall.ui.files.CoreConfigFiles;

/**
 * The pages that look different once the engine is wired, taken from a real window (under Xvfb, from
 * ui/take-screenshots.sh) with the app's own wiring: the start page (reconstruct available) and the review page
 * with core's real create dry-run plan of examples/cluster.yaml (blank nodes; nothing is contacted).
 */
public final class WiredScreenshots {
    private WiredScreenshots() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            take(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
            System.exit(status);
        }
    }

    private static void take(Path out) throws Exception {
        Files.createDirectories(out);
        Injector injector = Guice.createInjector(new AppModule());
        WizardServices wired = injector.getInstance(WizardServices.class);
        WizardServices services = new WizardServices(new CoreConfigFiles(), new ConfigValidator()::validate,
                wired.workflows(), wired.reconstruction(), new FxDialogs(), new MemoryPreferences(), folder -> { },
                new SplittableRandom(7), java.time.Clock.systemUTC(), Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "screenshots-io");
                    t.setDaemon(true);
                    return t;
                }));
        Platform.startup(() -> { });
        Wizard wizard = fx(() -> {
            Wizard w = new Wizard(services);
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            w.show(stage, Optional.empty());
            stage.setWidth(1100);
            stage.setHeight(760);
            return w;
        });
        settle();
        shoot(wizard, out, "01-start");
        // A copy: starting the run saves the edited config, and the example must stay as it is written.
        Path example = Files.copy(Path.of("..", "examples", "cluster.yaml"), Files.createDirectories(
                        Path.of(System.getProperty("java.io.tmpdir"), "hainstall-screenshots")).resolve("cluster.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        fx(() -> wizard.openFile(example)).get(10, TimeUnit.SECONDS);
        fx(() -> {
            wizard.go("review");
            wizard.reviewPage().computePlan();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fx(() -> ((Label) wizard.root().lookup("#review-plan-status")).getText()).startsWith("Planning")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        settle();
        System.out.println("review: " + fx(() -> ((Label) wizard.root().lookup("#review-plan-status")).getText()));
        shoot(wizard, out, "09-review");
    }

    private static void shoot(Wizard wizard, Path out, String name) throws Exception {
        WritableImage image = fx(() -> {
            Stage s = (Stage) wizard.root().getScene().getWindow();
            return new Robot().getScreenCapture(null, s.getX(), s.getY(), s.getWidth(), s.getHeight(), false);
        });
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Path file = out.resolve(name + ".png");
        ImageIO.write(png, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void settle() throws Exception {
        Thread.sleep(700);
        fx(() -> null);
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
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
}
