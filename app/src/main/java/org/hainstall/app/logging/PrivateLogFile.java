package org.hainstall.app.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A log file only its owner reads (0600, its own folder 0700), made before the appender opens it: the appender
 * would create it with the umask's mode. Past {@link #MAX_BYTES} the file is renamed to {@code NAME.1} (keeping its
 * mode) and a new one begins, so the application log never grows without bound.
 */
final class PrivateLogFile {
    static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateLogFile() {
    }

    /** Makes the file ready to append to; a file of another run of hainstall is kept and its mode tightened. */
    static Path prepare(Path file, boolean ownFolder) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (ownFolder) {
                Files.setPosixFilePermissions(dir, DIR);
            }
        }
        if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.setPosixFilePermissions(file, FILE);
        return file;
    }
}
