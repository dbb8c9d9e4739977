package org.hainstall.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hainstall.core.secrets.SecretsScan.Finding;

/** The modes a secrets scan checks: the secrets folder 0700/0600 throughout, log-like files 0600 or 0640. */
final class ScanModes {
    private static final Set<PosixFilePermission> GROUP_READ = EnumSet.of(PosixFilePermission.GROUP_READ);

    private ScanModes() {
    }

    /** Every file and folder of the secrets folder that others or the group may use. */
    static List<Finding> ofStore(Path folder) {
        List<Finding> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (!othersAndGroup(mode).isEmpty()) {
                    out.add(new Finding(p, (dir ? "secrets folder" : "secret file") + " has mode "
                            + PosixFilePermissions.toString(mode) + ", want " + (dir ? "rwx------ (0700)" : "rw------- (0600)")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The mode of {@code content} judged by the name it is seen under ({@code file}, a link's own name). */
    static Optional<Finding> ofLog(Path file, Path content) {
        String name = file.getFileName().toString();
        boolean log = name.endsWith(".log") || name.endsWith(".jsonl") || (name.startsWith("journal") && name.endsWith(".json"));
        if (!log) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(content, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> extra = othersAndGroup(mode);
            extra.removeAll(GROUP_READ);
            return extra.isEmpty() ? Optional.empty() : Optional.of(new Finding(file,
                    "log file has mode " + PosixFilePermissions.toString(mode) + ", want rw------- or rw-r-----"));
        } catch (IOException e) {
            return Optional.of(new Finding(file, "mode unreadable: " + e.getMessage()));
        }
    }

    private static Set<PosixFilePermission> othersAndGroup(Set<PosixFilePermission> mode) {
        Set<PosixFilePermission> extra = EnumSet.noneOf(PosixFilePermission.class);
        extra.addAll(mode);
        extra.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        return extra;
    }
}
