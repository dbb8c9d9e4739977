package org.hainstall.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.run.RunConfirmation;

/** {@link Dialogs} with JavaFX's own dialogs and file choosers. */
public final class FxDialogs implements Dialogs {
    @Override
    public Optional<Path> chooseOpen(Window owner) {
        File f = chooser().showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Window owner, Path suggestion) {
        FileChooser c = chooser();
        if (suggestion != null) {
            if (suggestion.toAbsolutePath().getParent() != null) {
                c.setInitialDirectory(suggestion.toAbsolutePath().getParent().toFile());
            }
            c.setInitialFileName(suggestion.getFileName().toString());
        }
        File f = c.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<String> askText(Window owner, String title, String question, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(question);
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public Optional<Reconstruction.Request> askReconstruct(Window owner, Path config) {
        return new ReconstructDialog(owner, config).showAndWait();
    }

    @Override
    public Unsaved askUnsaved(Window owner) {
        ButtonType save = new ButtonType("_Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("_Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The config has unsaved changes.", save, discard,
                ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText("Save the changes first?");
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
            return Unsaved.CANCEL;
        }
        return r.get() == save ? Unsaved.SAVE : Unsaved.DISCARD;
    }

    @Override
    public boolean confirmCancelRun(Window owner) {
        ButtonType stop = new ButtonType("Cancel the run and _close", ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType("_Keep running", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.WARNING,
                "The run stops at the next step boundary; a later run resumes from its journal.", stop, keep);
        a.initOwner(owner);
        a.setHeaderText("A run is in progress.");
        return a.showAndWait().filter(stop::equals).isPresent();
    }

    @Override
    public void error(Window owner, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setHeaderText(title);
        a.showAndWait();
    }

    @Override
    public boolean confirmRun(Window owner, RunConfirmation c) {
        ButtonType go = new ButtonType(c.mode() == RunMode.CREATE ? "_Create the cluster" : "_Modify the nodes",
                ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Do_n't start", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(c.plan().anyDestructive() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, "",
                go, no);
        a.initOwner(owner);
        a.setTitle("Start " + c.mode().word());
        a.setHeaderText(c.question());
        TextArea plan = new TextArea(c.plan().text());
        plan.setEditable(false);
        plan.setWrapText(false);
        plan.setId("confirm-plan");
        plan.getStyleClass().add("yaml");
        plan.setPrefRowCount(Math.min(16, 2 + (int) c.plan().text().lines().count()));
        plan.setPrefColumnCount(80);
        Label intro = new Label("The dry run of " + (c.configFile() == null ? "the config" : c.configFile())
                + " plans these changes, per node. Destructive commands overwrite what a device holds: each runs "
                + "only while its check still finds the device blank.");
        intro.setWrapText(true);
        VBox content = new VBox(8, intro, plan);
        content.setPrefWidth(720);
        a.getDialogPane().setContent(content);
        a.getDialogPane().lookupButton(go).setId("confirm-run-start");
        a.getDialogPane().lookupButton(no).setId("confirm-run-cancel");
        // The safe answer is the default: Enter does not start a run that overwrites devices.
        ((Button) a.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return a.showAndWait().filter(go::equals).isPresent();
    }

    @Override
    public void about(Window owner, AboutInfo about, Runnable openReadme) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("About hainstall");
        a.setHeaderText("hainstall " + about.version());
        Label what = new Label("Installs, changes and clones two-node DRBD + Heartbeat DB2 clusters.");
        what.setWrapText(true);
        Label licence = new Label("Licence: " + about.licence());
        licence.setWrapText(true);
        licence.setId("about-licence");
        Hyperlink readme = new Hyperlink(about.readme().map(p -> "README: " + p).orElse("README: not found beside "
                + "this installation"));
        readme.setId("about-readme");
        readme.setDisable(about.readme().isEmpty());
        readme.setOnAction(e -> openReadme.run());
        VBox content = new VBox(8, what, licence, readme);
        content.setPrefWidth(520);
        a.getDialogPane().setContent(content);
        a.showAndWait();
    }

    private static FileChooser chooser() {
        FileChooser c = new FileChooser();
        c.setTitle("Cluster config");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML config", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }
}
