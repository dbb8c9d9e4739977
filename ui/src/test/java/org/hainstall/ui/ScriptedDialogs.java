package org.hainstall.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.hainstall.ui.run.RunConfirmation;

/** Dialog answers set by a test; errors are recorded instead of shown. */
final class ScriptedDialogs implements Dialogs {
    Path open;
    Path save;
    String text;
    Reconstruction.Request reconstruct;
    Unsaved unsaved = Unsaved.CANCEL;
    boolean cancelRun = true;
    int cancelRunAsked;
    final List<String> errors = new ArrayList<>();
    /** The answer to the start confirmation, and every confirmation shown. */
    boolean confirmRun = true;
    final List<RunConfirmation> confirmations = new ArrayList<>();
    final List<AboutInfo> abouts = new ArrayList<>();

    @Override
    public Optional<Path> chooseOpen(Window owner) {
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> chooseSave(Window owner, Path suggestion) {
        return Optional.ofNullable(save);
    }

    @Override
    public Optional<String> askText(Window owner, String title, String question, String initial) {
        return Optional.ofNullable(text);
    }

    @Override
    public Optional<Reconstruction.Request> askReconstruct(Window owner, Path config) {
        return Optional.ofNullable(reconstruct);
    }

    @Override
    public Unsaved askUnsaved(Window owner) {
        return unsaved;
    }

    @Override
    public boolean confirmCancelRun(Window owner) {
        cancelRunAsked++;
        return cancelRun;
    }

    @Override
    public void error(Window owner, String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirmRun(Window owner, RunConfirmation confirmation) {
        confirmations.add(confirmation);
        return confirmRun;
    }

    @Override
    public void about(Window owner, AboutInfo about, Runnable openReadme) {
        abouts.add(about);
    }
}
