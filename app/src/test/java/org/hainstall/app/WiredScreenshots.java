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
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.FxDialogs;
import org.hainstall.ui.MemoryPreferences;
import org.hainstall.ui.ScreenCapture;
import org.hainstall.ui.WindowIdentity;
import org.hainstall.ui.Wizard;
import org.hainstall.ui.WizardServices;
import org.hainstall.ui.files.CoreConfigFiles;
import org.hainstall.ui.form.Form;

/**
 * The wizard's pages taken from a real window (under Xvfb, from ui/take-screenshots.sh) with the app's own wiring:
 * core's validator, core's real create dry run of examples/cluster.yaml (blank nodes; nothing is contacted) on the
 * review page and in the start confirmation, the real dialogs. The run itself needs real nodes: ui's Screenshots
 * shows the run pages with the scripted stand-in, and the lab's wizard phase retakes them from a real run.
 *
 * <p>Arguments: the output folder, then optionally the window's width and height (default 1100 × 760).
 */
public final class WiredScreenshots {
    private WiredScreenshots() {
    }

    public static void main(String[] args) {
        ScreenCapture.runAndExit(() -> take(Path.of(args.length > 0 ? args[0] : "docs/screenshots"),
                args.length > 2 ? Integer.parseInt(args[1]) : 1100, args.length > 2 ? Integer.parseInt(args[2]) : 760));
    }

    private static void take(Path out, int width, int height) throws Exception {
        Files.createDirectories(out);
        Injector injector = Guice.createInjector(new AppModule());
        WizardServices wired = injector.getInstance(WizardServices.class);
        WizardServices services = new WizardServices(new CoreConfigFiles(), new ConfigValidator()::validate,
                wired.workflows(), wired.reconstruction(), wired.cloning(), new FxDialogs(), new MemoryPreferences(),
                folder -> { }, new SplittableRandom(7), java.time.Clock.systemUTC(), Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "screenshots-io");
                    t.setDaemon(true);
                    return t;
                }), wired.about());
        Platform.startup(WindowIdentity::nameApplication);
        Wizard wizard = fx(() -> {
            Wizard w = new Wizard(services);
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            w.show(stage, Optional.empty());
            stage.setWidth(width);
            stage.setHeight(height);
            return w;
        });
        settle();
        shoot(wizard, out, "01-start");

        // A new cluster: nothing is reported until Next is pressed on a page with values still to fill in.
        fx(() -> {
            wizard.newCluster();
            wizard.next();
            return null;
        });
        settle();
        shoot(wizard, out, "02b-cluster-required");

        // A copy: starting the run saves the edited config, and the example must stay as it is written.
        Path example = Files.copy(Path.of("..", "examples", "cluster.yaml"), Files.createDirectories(
                        Path.of(System.getProperty("java.io.tmpdir"), "hainstall-screenshots")).resolve("cluster.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        fx(() -> wizard.openFile(example)).get(10, TimeUnit.SECONDS);
        ScreenCapture.shootConfigPages(wizard, out);
        // Mistakes, as the admin sees them: the sentence under the field, the problems list, Next held.
        fx(() -> {
            wizard.go("nodes");
            wizard.model().root().list("nodes").get(0).text("address").set("999.1.1.1");
            return null;
        });
        settle();
        fx(() -> {
            wizard.root().lookup("#" + Form.idFor("nodes[0].address")).requestFocus();
            ((TextField) wizard.root().lookup("#" + Form.idFor("nodes[0].address"))).end();
            return null;
        });
        settle();
        shoot(wizard, out, "03b-nodes-invalid-address");
        fx(() -> {
            wizard.model().root().list("nodes").get(0).text("address").set("192.168.122.11");
            wizard.model().root().child("replication").list("resources").get(1).text("minor").set("0");
            wizard.go("replication");
            return null;
        });
        settle();
        fx(() -> {
            Node minor = wizard.root().lookup("#" + Form.idFor("replication.resources[1].minor"));
            org.hainstall.ui.form.Reveal.inScrollPane(minor);
            return null;
        });
        settle();
        shoot(wizard, out, "05b-replication-duplicate-minor");
        fx(() -> {
            wizard.model().root().child("replication").list("resources").get(1).text("minor").set("1");
            wizard.go("review");
            wizard.reviewPage().computePlan();
            return null;
        });
        waitWhile(() -> wizard.reviewPage().planStatusText().startsWith("Planning"));
        settle();
        System.out.println("review: " + fx(() -> wizard.reviewPage().planStatusText()));
        shoot(wizard, out, "09-review");

        // Start: the real dry run, then the confirmation with its summary per node; not confirmed here.
        fx(() -> {
            wizard.go("run");
            wizard.runPage().start(RunMode.CREATE);
            return null;
        });
        waitWhile(() -> ScreenCapture.confirmation() == null);
        settle();
        shoot(wizard, out, "10a-run-confirm");
        fx(() -> {
            ((Button) ScreenCapture.confirmation().getScene().lookup("#confirm-run-cancel")).fire();
            return null;
        });
        settle();
        fx(() -> {
            wizard.go("finish");
            return null;
        });
        settle();
        shoot(wizard, out, "11b-finish-no-run");
    }


    private static void waitWhile(java.util.function.Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fx(condition) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
