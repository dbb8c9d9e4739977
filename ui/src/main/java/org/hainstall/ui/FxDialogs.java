package org.hainstall.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

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

    private static FileChooser chooser() {
        FileChooser c = new FileChooser();
        c.setTitle("Cluster config");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML config", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }
}
