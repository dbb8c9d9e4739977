package org.hainstall.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hainstall.core.secrets.SecretsScan.Finding;

/**
 * The files a secrets scan reads under one root: regular files, and links to files inside the root read under the
 * link's own name. Links and anything that is not a regular file are findings on the way (see {@link SecretsScan}).
 */
final class ScanWalk {
    private ScanWalk() {
    }

    /** A file to search: found at {@code path}, read from {@code content} (the target of a followed link). */
    record Entry(Path path, Path content) { }

    /**
     * The regular files under {@code root} and the links to files inside it; links and other non-regular files are
     * reported on the way (see the class comment). A root that is itself a link is the folder the admin named.
     */
    static List<Entry> entries(Path root, List<Finding> findings) {
        Path tree;
        try {
            tree = root.toRealPath();
        } catch (IOException e) {
            findings.add(new Finding(root, "cannot be resolved (" + e.getMessage() + "), so it could not be checked"));
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        List<Path> walked;
        // Findings name paths as the admin gave them; a root that is a link is walked at its target.
        try (Stream<Path> walk = Files.walk(Files.isSymbolicLink(root) ? tree : root)) {
            walked = walk.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            findings.add(new Finding(root, "cannot be walked (" + e.getMessage() + "), so it could not be checked"));
            return List.of();
        }
        for (Path p : walked) {
            if (Files.isSymbolicLink(p)) {
                link(p, tree, out, findings);
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                out.add(new Entry(p, p));
            } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                findings.add(new Finding(p, "is not a regular file (a pipe, device or socket); it was not read"));
            }
        }
        return out;
    }

    private static void link(Path link, Path tree, List<Entry> out, List<Finding> findings) {
        String to;
        try {
            to = Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            to = "?";
        }
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            findings.add(new Finding(link, "is a symbolic link to " + to + ", which does not resolve"));
            return;
        }
        if (!target.startsWith(tree)) {
            findings.add(new Finding(link, "is a symbolic link to " + to + " outside the scanned folder; not followed "
                    + "(scan that path itself if it belongs to the run)"));
            return;
        }
        findings.add(new Finding(link, "is a symbolic link to " + to + " (hainstall writes none); followed: "
                + "what it shows is searched under this name"));
        if (Files.isRegularFile(target)) {
            out.add(new Entry(link, target));
        }
    }
}
