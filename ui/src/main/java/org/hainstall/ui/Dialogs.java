package org.hainstall.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

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
}
