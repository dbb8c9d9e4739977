package org.hainstall.ui;

import static org.hainstall.ui.ScreenCapture.fx;
import static org.hainstall.ui.ScreenCapture.settle;
import static org.hainstall.ui.ScreenCapture.shoot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.hainstall.ui.form.Form;

/**
 * Opens the wizard in a real window (run it under Xvfb: ui/take-screenshots.sh) and writes a PNG of each page,
 * captured from the screen, to the folder given as the first argument. The run page shows the scripted engine
 * stand-in's run (a real run needs real nodes); app's {@code WiredScreenshots} then retakes the start and review
 * pages with the app's own wiring.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) {
        ScreenCapture.runAndExit(() -> take(args));
    }

    private static void take(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        ScriptedWorkflows engine = new ScriptedWorkflows();
        engine.withPrompt = true;
        Wizard wizard = fx(() -> {
            Wizard w = new Wizard(TestWizards.services(new ScriptedDialogs(), engine, WizardConfigTest::validate));
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
        // The reconstruct dialog, shown without waiting (showAndWait would hold this thread).
        ReconstructDialog dialog = fx(() -> {
            ReconstructDialog d = new ReconstructDialog(wizard.root().getScene().getWindow(), null);
            ((TextField) d.getDialogPane().getContent().lookup("#reconstruct-host")).setText("sales-db1.example.org");
            ((TextField) d.getDialogPane().getContent().lookup("#reconstruct-fingerprint"))
                    .setText("SHA256:2s5bXbYFpPaGdBtnIfXUjy2CuUpZQ5uXhLz4kUq0t9U");
            ((TextField) d.getDialogPane().getContent().lookup("#reconstruct-identity")).setText("~/.ssh/id_ed25519");
            d.show();
            return d;
        });
        settle();
        shoot(wizard, out, "01b-reconstruct");
        fx(() -> {
            dialog.close();
            return null;
        });
        // A copy: starting the run saves the edited config, and the example must stay as it is written.
        Path example = Files.copy(Path.of("..", "examples", "cluster.yaml"), Files.createDirectories(
                        Path.of(System.getProperty("java.io.tmpdir"), "hainstall-screenshots")).resolve("cluster.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        fx(() -> wizard.openFile(example)).get(10, TimeUnit.SECONDS);
        for (String page : new String[] {"cluster", "nodes", "storage", "replication", "heartbeat", "db2", "backup"}) {
            fx(() -> {
                wizard.go(page);
                return null;
            });
            settle();
            shoot(wizard, out, String.format("%02d-%s", wizard.pages().indexOf(wizard.page(page)) + 1, page));
        }
        // A mistake, as the admin sees it: the field decorated, the problem listed, Next held.
        fx(() -> {
            wizard.go("nodes");
            TextField address = (TextField) wizard.root().lookup("#" + Form.idFor("nodes[0].address"));
            wizard.model().root().list("nodes").get(0).text("address").set("999.1.1.1");
            address.requestFocus();
            return null;
        });
        settle();
        shoot(wizard, out, "03b-nodes-invalid-address");
        fx(() -> {
            wizard.model().root().list("nodes").get(0).text("address").set("192.168.122.11");
            wizard.go("review");
            wizard.reviewPage().computePlan();
            return null;
        });
        settle();
        shoot(wizard, out, "09-review");
        fx(() -> {
            wizard.go("run");
            wizard.runPage().start("create");
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx(() -> wizard.runPage().prompts().count()) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        fx(() -> {
            wizard.runPage().tree().getSelectionModel().select(wizard.runPage().runTree().root());
            return null;
        });
        settle();
        shoot(wizard, out, "10-run-prompt");
        fx(() -> {
            ((javafx.scene.control.Button) wizard.runPage().prompts().node().lookup("#prompt-done-p1")).fire();
            return null;
        });
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!fx(() -> wizard.runPage().finishedProperty().get()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        fx(() -> {
            wizard.runPage().tree().getSelectionModel().select(
                    wizard.runPage().runTree().step(ScriptedWorkflows.DRBD2));
            return null;
        });
        settle();
        shoot(wizard, out, "10b-run-finished");
        fx(() -> {
            wizard.go("finish");
            return null;
        });
        settle();
        shoot(wizard, out, "11-finish");
    }
}
