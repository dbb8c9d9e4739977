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
import org.hainstall.core.plan.RunMode;

/**
 * Opens the wizard in a real window (run it under Xvfb: ui/take-screenshots.sh) and writes PNGs of what only the
 * scripted engine stand-in can show here, captured from the screen, to the folder given as the first argument
 * (then optionally width and height): the reconstruct dialog and a run with a prompt (a real run needs real nodes;
 * the lab's wizard phase retakes those). app's {@code WiredScreenshots} takes every other page with the app's own
 * wiring.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) {
        ScreenCapture.runAndExit(() -> take(Path.of(args.length > 0 ? args[0] : "docs/screenshots"),
                args.length > 2 ? Integer.parseInt(args[1]) : 1100, args.length > 2 ? Integer.parseInt(args[2]) : 760));
    }

    private static void take(Path out, int width, int height) throws Exception {
        Files.createDirectories(out);
        Platform.startup(WindowIdentity::nameApplication);
        ScriptedWorkflows engine = new ScriptedWorkflows();
        engine.withPrompt = true;
        Wizard wizard = fx(() -> {
            Wizard w = new Wizard(TestWizards.services(new ScriptedDialogs(), engine));
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            w.show(stage, Optional.empty());
            stage.setWidth(width);
            stage.setHeight(height);
            return w;
        });
        settle();
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
        fx(() -> {
            wizard.go("run");
            wizard.runPage().start(RunMode.CREATE);
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
