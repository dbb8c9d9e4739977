package org.hainstall.ui.run;

import java.io.IOException;
import java.nio.file.Path;

/** Shows a folder in the desktop's file manager. */
@FunctionalInterface
public interface FolderOpener {
    void open(Path folder) throws IOException;

    /** xdg-open, started and left alone: the FX thread never waits for it. */
    FolderOpener XDG_OPEN = folder -> new ProcessBuilder("xdg-open", folder.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
}
