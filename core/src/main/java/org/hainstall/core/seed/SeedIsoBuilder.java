package org.hainstall.core.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds one node's seed ISO (volume label {@code cidata}) with xorriso, laid out as docs/INTERFACES.md says.
 *
 * <p>The files are staged in a folder created 0700 beside the output, secrets 0600, and deleted afterwards. Rock
 * Ridge keeps those modes on the ISO ({@code -R -uid 0 -gid 0}, not {@code -r}, which would make the host key
 * world-readable on the node). The ISO itself is written inside a 0700 folder, set to 0600, then moved into place:
 * at no time is a seed readable by anyone else.
 */
public final class SeedIsoBuilder {
    public static final String NODE_PREP_RESOURCE = "/org/hainstall/core/seed/node-prep.sh";
    public static final String CALLBACK_RESOURCE = "/org/hainstall/core/seed/callback.py";
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> SCRIPT = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<String> REPO_INDEX = Set.of("Packages", "Packages.gz", "Packages.xz", "Release");

    private final String xorriso;
    private final long timeoutSeconds;

    /** @param xorriso the program to run ("xorriso" from PATH unless told otherwise) */
    public SeedIsoBuilder(String xorriso, long timeoutSeconds) {
        this.xorriso = xorriso;
        this.timeoutSeconds = timeoutSeconds;
    }

    public SeedIsoBuilder() {
        this("xorriso", 300);
    }

    /** Builds {@code outputDir/<node>-seed.iso} (replacing an older one) and returns its path. */
    public Path build(SeedInputs in, Path outputDir) throws SeedException {
        Map<String, String> env = NodeEnv.values(in);
        Path local = localRepository(in);
        Path work = null;
        try {
            Files.createDirectories(outputDir);
            work = Files.createTempDirectory(outputDir, ".seed-" + in.nodeName() + "-",
                    PosixFilePermissions.asFileAttribute(DIR));
            Path stage = mkdir(work.resolve("stage"));
            stage(in, env, local, stage);
            Path iso = work.resolve("seed.iso");
            runXorriso(in.nodeName(), stage, iso);
            Files.setPosixFilePermissions(iso, SECRET);
            Path target = outputDir.resolve(in.nodeName() + "-seed.iso");
            Files.move(iso, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new SeedException("seed for " + in.nodeName() + ": cannot write in " + outputDir + ": " + e, e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    /** Writes the staging tree: the exact list of files the ISO will hold. */
    void stage(SeedInputs in, Map<String, String> env, Path local, Path stage) throws IOException, SeedException {
        write(stage.resolve("meta-data"), NoCloudFiles.metaData(env), PLAIN);
        write(stage.resolve("user-data"), NoCloudFiles.userData(), PLAIN);
        write(stage.resolve("network-config"), NoCloudFiles.networkConfig(), PLAIN);
        Path h = mkdir(stage.resolve("hainstall"));
        copyResource(NODE_PREP_RESOURCE, h.resolve("node-prep.sh"));
        copyResource(CALLBACK_RESOURCE, h.resolve("callback.py"));
        write(h.resolve("node.env"), NodeEnv.render(in), SECRET);
        Path ssh = mkdir(h.resolve("ssh"));
        writeBytes(ssh.resolve("ssh_host_ed25519_key"), in.secrets().hostPrivateKey(), SECRET);
        write(ssh.resolve("ssh_host_ed25519_key.pub"), line(in.secrets().hostPublicKey()), PLAIN);
        write(h.resolve("authorized_keys"), line(in.adminPublicKey()), PLAIN);
        writeBytes(h.resolve("callback.token"), in.secrets().token().fileContent(), SECRET);
        if (local != null) {
            Path debs = mkdir(h.resolve("debs"));
            for (Path f : repositoryFiles(local)) {
                Files.copy(f, debs.resolve(f.getFileName().toString()));
                Files.setPosixFilePermissions(debs.resolve(f.getFileName().toString()), PLAIN);
            }
        }
    }

    private static void copyResource(String resource, Path target) throws IOException, SeedException {
        try (InputStream script = SeedIsoBuilder.class.getResourceAsStream(resource)) {
            if (script == null) {
                throw new SeedException(target.getFileName() + " is missing from the build (resource " + resource + ")");
            }
            Files.copy(script, target);
            Files.setPosixFilePermissions(target, SCRIPT);
        }
    }

    private static Path localRepository(SeedInputs in) throws SeedException {
        if (in.config().packages() == null || in.config().packages().localRepository() == null
                || in.config().packages().localRepository().isBlank()) {
            return null;
        }
        Path dir = Path.of(in.config().packages().localRepository());
        if (!Files.isDirectory(dir)) {
            throw new SeedException("packages.localRepository: " + dir + " is not a folder");
        }
        try {
            List<Path> files = repositoryFiles(dir);
            if (files.stream().noneMatch(f -> f.getFileName().toString().startsWith("Packages"))) {
                throw new SeedException("packages.localRepository: " + dir + " has no Packages index "
                        + "(dpkg-scanpackages . > Packages)");
            }
        } catch (IOException e) {
            throw new SeedException("packages.localRepository: cannot read " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** Only the .deb files and the index at the folder's top: nothing else of the workstation ends on a node. */
    private static List<Path> repositoryFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && (name.endsWith(".deb") || REPO_INDEX.contains(name))) {
                    files.add(f);
                }
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private void runXorriso(String node, Path stage, Path iso) throws SeedException, IOException {
        List<String> argv = List.of(xorriso, "-as", "mkisofs", "-quiet", "-V", "cidata", "-J", "-R", "-uid", "0",
                "-gid", "0", "-o", iso.toString(), stage.toString());
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SeedException("seed for " + node + ": cannot run " + xorriso
                    + " (install it: apt-get install xorriso): " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readNBytes(64 * 1024);
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SeedException("seed for " + node + ": xorriso did not finish in " + timeoutSeconds + "s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SeedException("seed for " + node + ": interrupted while xorriso ran", e);
        }
        if (p.exitValue() != 0) {
            throw new SeedException("seed for " + node + ": xorriso failed (exit " + p.exitValue() + "): "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
    }

    private static String line(String s) {
        String t = s.strip();
        if (t.contains("\n")) {
            throw new IllegalArgumentException("a public key is one line");
        }
        return t + "\n";
    }

    private static Path mkdir(Path dir) throws IOException {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
        return dir;
    }

    private static void write(Path file, String text, Set<PosixFilePermission> mode) throws IOException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** Created with its mode already set: a secret is never readable by others, not even for a moment. */
    private static void writeBytes(Path file, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(SECRET));
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, mode);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the folder is 0700 and inside the run's own folder
                }
            });
        } catch (IOException ignored) {
            // nothing staged
        }
    }
}
