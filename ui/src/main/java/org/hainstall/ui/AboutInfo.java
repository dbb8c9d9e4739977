package org.hainstall.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What Help → About says: the version, the licence and where the README is (the guide from installing to a first
 * cluster). The app module fills it in from its jar; the wizard alone knows none of it.
 */
public record AboutInfo(String version, String licence, Optional<Path> readme) {
    public static final AboutInfo UNKNOWN = new AboutInfo("development build",
            "no licence has been declared for hainstall yet", Optional.empty());
}
