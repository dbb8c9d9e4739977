package org.hainstall.app;

import com.google.inject.Provider;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hainstall.ui.AboutInfo;

/**
 * Help → About's facts from this installation: the version in the jar's manifest, and the README where the
 * build puts it — beside the jar in the installed package (/opt/hainstall/lib/app), or at the root of the source
 * checkout the jar was built in (app/target/hainstall.jar).
 */
final class AppAbout implements Provider<AboutInfo> {
    /** hainstall has no licence file yet; About says so rather than guess one. */
    static final String LICENCE = "none declared yet (the project has no licence file)";

    @Override
    public AboutInfo get() {
        return new AboutInfo(VersionProvider.version(), LICENCE, readme(codeLocation()));
    }

    /** README.md in {@code from} or up to three folders above it. */
    static Optional<Path> readme(Optional<Path> from) {
        Path dir = from.map(p -> Files.isDirectory(p) ? p : p.getParent()).orElse(null);
        for (int up = 0; dir != null && up <= 3; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(AppAbout.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
