package org.hainstall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReconstructDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void withTheOpenConfigSuggestedItAsksForTheNodeAndUsesTheConfigsKeys(FxRobot robot) {
        AtomicReference<Reconstruction.Request> result = new AtomicReference<>();
        AtomicReference<Boolean> heldWithoutHost = new AtomicReference<>();
        robot.interact(() -> {
            ReconstructDialog d = new ReconstructDialog(stage, Path.of("sales-db.yaml"));
            ButtonType read = d.getDialogPane().getButtonTypes().get(0);
            heldWithoutHost.set(d.getDialogPane().lookupButton(read).isDisabled());
            field(d, "#reconstruct-host").setText(" sales-db1 ");
            result.set(d.getResultConverter().call(read));
        });
        assertThat(heldWithoutHost.get()).isTrue();
        assertThat(result.get()).isEqualTo(Reconstruction.Request.withConfig("sales-db1", Path.of("sales-db.yaml")));
    }

    @Test
    void withoutAConfigItNeedsTheFingerprintAndAKey(FxRobot robot) {
        AtomicReference<Reconstruction.Request> result = new AtomicReference<>();
        AtomicReference<Boolean> heldWithoutFingerprint = new AtomicReference<>();
        robot.interact(() -> {
            ReconstructDialog d = new ReconstructDialog(stage, null);
            ButtonType read = d.getDialogPane().getButtonTypes().get(0);
            field(d, "#reconstruct-host").setText("192.168.122.11");
            field(d, "#reconstruct-identity").setText("~/.ssh/id_ed25519");
            heldWithoutFingerprint.set(d.getDialogPane().lookupButton(read).isDisabled());
            field(d, "#reconstruct-fingerprint").setText("SHA256:abc");
            field(d, "#reconstruct-port").setText("2222");
            result.set(d.getResultConverter().call(read));
        });
        assertThat(heldWithoutFingerprint.get()).isTrue();
        assertThat(result.get()).isEqualTo(Reconstruction.Request.withFingerprint("192.168.122.11", "SHA256:abc",
                Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"), "root", 2222));
    }

    private static TextField field(ReconstructDialog d, String id) {
        return (TextField) d.getDialogPane().getContent().lookup(id);
    }
}
