package org.hainstall.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;
import org.hainstall.ui.run.RunConfirmation;

/** The wizard's questions to the admin that need a modal dialog; tests answer them without a window. */
public interface Dialogs {
    enum Unsaved { SAVE, DISCARD, CANCEL }

    Optional<Path> chooseOpen(Window owner);

    Optional<Path> chooseSave(Window owner, Path suggestion);

    /** A line of text, e.g. the host to reconstruct from or the copy's name. */
    Optional<String> askText(Window owner, String title, String question, String initial);

    /** Which live node to reconstruct from, and how to trust it; {@code config} suggests a config for its keys. */
    Optional<Reconstruction.Request> askReconstruct(Window owner, Path config);

    Unsaved askUnsaved(Window owner);

    /** "A run is in progress: cancel it and close?" */
    boolean confirmCancelRun(Window owner);

    void error(Window owner, String title, String message);

    /**
     * The dry run's summary per node before a run: how many changes, which commands overwrite a device. True
     * starts the run; anything else leaves the nodes untouched.
     */
    boolean confirmRun(Window owner, RunConfirmation confirmation);

    /** Help → About: version, licence, and a link that opens the README ({@code openReadme}). */
    void about(Window owner, AboutInfo about, Runnable openReadme);
}
