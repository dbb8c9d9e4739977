package org.hainstall.core.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cluster's state folder beside its config: {@code sales-db.yaml} → {@code sales-db.state/} (0700), holding
 * {@code runs/<timestamp>-<mode>/} with the run's journal, event stream and per-node logs.
 */
public final class StateFolder {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public StateFolder(Path root) {
        this.root = root;
    }

    /** The state folder that belongs to a config file. */
    public static StateFolder forConfig(Path configFile) {
        Path abs = configFile.toAbsolutePath();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return new StateFolder(abs.resolveSibling(base + ".state"));
    }

    public Path root() {
        return root;
    }

    public Path runs() {
        return root.resolve("runs");
    }

    /**
     * Holds this state folder for one applying run, so that two runs on this workstation never write one cluster's
     * journal at once (the node locks cover other workstations). The operating system frees it when the process
     * dies, so a killed installer never leaves it behind.
     */
    public AutoCloseable lockForRun() throws IOException, LockHeldException {
        PrivateFiles.createDirectories(root);
        Path file = root.resolve("run.lock");
        if (!Files.exists(file)) {
            try {
                PrivateFiles.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another run created it first; the lock below decides
            }
        }
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file).strip();
            ch.close();
            throw new LockHeldException("this workstation", null, "another hainstall run on this workstation ("
                    + (holder.isEmpty() ? "unknown process" : holder) + ") is using " + root
                    + ". Refused: nothing was changed. Wait for that run to end.");
        }
        ch.truncate(0);
        ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        java.nio.channels.FileLock held = lock;
        return () -> {
            held.release();
            ch.close();
        };
    }

    /** Creates a new, empty run folder named after the time and mode; never reuses one. */
    public RunFolder newRun(RunMode mode, Instant now) throws IOException {
        PrivateFiles.createDirectories(runs());
        String base = STAMP.format(now) + "-" + mode.word();
        for (int i = 0; ; i++) {
            String id = i == 0 ? base : base + "-" + i;
            Path dir = runs().resolve(id);
            try {
                PrivateFiles.createDirectories(dir.getParent());
                Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                return new RunFolder(id, dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run in the same second: next suffix
            }
        }
    }

    /**
     * The journal of the newest run of this mode, when that run did not end successfully and ran the same config
     * (same digest): the run a new one resumes. A run that succeeded, or ran another config, is not resumed.
     */
    public Optional<JournalFile.Snapshot> resumable(RunMode mode, String configDigest) {
        if (!Files.isDirectory(runs())) {
            return Optional.empty();
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> list = Files.list(runs())) {
            list.filter(Files::isDirectory).filter(d -> d.getFileName().toString().endsWith("-" + mode.word())
                    || d.getFileName().toString().matches(".*-" + mode.word() + "-\\d+")).forEach(dirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dirs.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path dir : dirs) {
            Optional<JournalFile.Snapshot> snap = JournalFile.read(dir.resolve(JournalFile.NAME));
            if (snap.isEmpty()) {
                continue; // a dry run or a folder without a journal
            }
            JournalFile.Snapshot s = snap.get();
            if (s.succeeded() || !configDigest.equals(s.configDigest())) {
                return Optional.empty();
            }
            return snap;
        }
        return Optional.empty();
    }
}
