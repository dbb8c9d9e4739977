package org.hainstall.app;

import static org.hainstall.ui.ScreenCapture.fx;
import static org.hainstall.ui.ScreenCapture.settle;
import static org.hainstall.ui.ScreenCapture.shoot;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.ui.FxDialogs;
import org.hainstall.ui.MemoryPreferences;
import org.hainstall.ui.ScreenCapture;
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
        ScreenCapture.runAndExit(() -> take(Path.of(args.length > 0 ? args[0] : "docs/screenshots")));
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
                }), wired.about());
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
}
