package org.hainstall.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks which live node to read and how to trust it: a config of its cluster (whose secrets folder holds the key
 * and the pinned host keys), or the node's host-key fingerprint and the admin's private key. There is no third
 * way: a host key is never trusted on first use.
 */
final class ReconstructDialog extends Dialog<Reconstruction.Request> {
    private final TextField host = field("reconstruct-host", "node1.example.org or 192.168.122.11");
    private final TextField config = field("reconstruct-config", "sales-db.yaml");
    private final TextField fingerprint = field("reconstruct-fingerprint", "SHA256:…");
    private final TextField identity = field("reconstruct-identity", "~/.ssh/id_ed25519");
    private final TextField user = field("reconstruct-user", "root");
    private final TextField port = field("reconstruct-port", "22");

    ReconstructDialog(Window owner, Path suggestedConfig) {
        initOwner(owner);
        setTitle("Reconstruct");
        setHeaderText("Read a live cluster's node into a new config (only read-only commands run on it)");
        ToggleGroup how = new ToggleGroup();
        RadioButton byConfig = new RadioButton("_Keys from a config of this cluster");
        byConfig.setToggleGroup(how);
        byConfig.setTooltip(new Tooltip("Its secrets folder holds the SSH key and the pinned host keys"));
        RadioButton byFingerprint = new RadioButton("Host-key _fingerprint and my private key");
        byFingerprint.setToggleGroup(how);
        byFingerprint.setTooltip(new Tooltip("As ssh-keygen -l prints it on the node, e.g. SHA256:…"));
        if (suggestedConfig != null) {
            config.setText(suggestedConfig.toString());
            byConfig.setSelected(true);
        } else {
            byFingerprint.setSelected(true);
        }
        user.setText("root");
        port.setText("22");
        Button browseConfig = browse(config, "Cluster config", "*.yaml", "*.yml");
        for (Node n : new Node[] {config, browseConfig}) {
            n.disableProperty().bind(byConfig.selectedProperty().not());
        }
        Button browseIdentity = browse(identity, "Private key", "*");
        for (Node n : new Node[] {fingerprint, identity, browseIdentity, user, port}) {
            n.disableProperty().bind(byFingerprint.selectedProperty().not());
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Node (host or address)"), host);
        grid.add(byConfig, 0, 1, 2, 1);
        grid.addRow(2, new Label("Config"), row(config, browseConfig));
        grid.add(byFingerprint, 0, 3, 2, 1);
        grid.addRow(4, new Label("Fingerprint"), fingerprint);
        grid.addRow(5, new Label("Private key"), row(identity, browseIdentity));
        grid.addRow(6, new Label("User"), user);
        grid.addRow(7, new Label("Port"), port);
        GridPane.setHgrow(host, Priority.ALWAYS);
        getDialogPane().setContent(grid);
        ButtonType read = new ButtonType("_Read", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(read, ButtonType.CANCEL);
        getDialogPane().lookupButton(read).disableProperty().bind(Bindings.createBooleanBinding(() ->
                        host.getText().isBlank() || (byConfig.isSelected() ? config.getText().isBlank()
                                : fingerprint.getText().isBlank() || identity.getText().isBlank()
                                || !port.getText().strip().matches("\\d{1,5}")),
                host.textProperty(), config.textProperty(), fingerprint.textProperty(), identity.textProperty(),
                port.textProperty(), byConfig.selectedProperty()));
        setResultConverter(b -> b != read ? null : byConfig.isSelected()
                ? Reconstruction.Request.withConfig(host.getText().strip(), Path.of(config.getText().strip()))
                : Reconstruction.Request.withFingerprint(host.getText().strip(), fingerprint.getText().strip(),
                        Path.of(expandHome(identity.getText().strip())), user.getText().strip(),
                        Integer.parseInt(port.getText().strip())));
        host.requestFocus();
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(28);
        return f;
    }

    private static HBox row(TextField field, Button browse) {
        HBox box = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    /** A "…" button that fills {@code target} with a chosen file. */
    private static Button browse(TextField target, String what, String... patterns) {
        Button b = new Button("…");
        b.setTooltip(new Tooltip("Choose a file"));
        b.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(what);
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
            File f = c.showOpenDialog(target.getScene().getWindow());
            if (f != null) {
                target.setText(f.getPath());
            }
        });
        return b;
    }
}
