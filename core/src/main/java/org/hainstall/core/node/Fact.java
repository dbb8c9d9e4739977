package org.hainstall.core.node;

import java.util.Objects;
import org.hainstall.core.remote.Command;

/**
 * One read-only fact of a node: a command whose exit status and standard output are the fact. A missing tool is
 * exit 127, a fact too. The name identifies the fact in a node's snapshot and in the probe's output, so one name
 * always means one command; {@code part} says which subsystem's changes can make it stale.
 */
public record Fact(Part part, String name, Command command) {
    /** Prints the file's mode (octal) on the first line, then its content; exit 3 when it does not exist. */
    private static final String FILE = "test -e \"$1\" || exit 3; stat -c %a -- \"$1\" && cat -- \"$1\"";
    /** Prints the file's mode, then the SHA-256 of its content; exit 3 when it does not exist. */
    private static final String DIGEST = "test -e \"$1\" || exit 3; stat -c %a -- \"$1\" && sha256sum < \"$1\"";

    public Fact {
        Objects.requireNonNull(part);
        Objects.requireNonNull(command);
        if (name == null || name.isBlank() || name.contains("\n") || name.contains("\r")) {
            throw new IllegalArgumentException("a fact needs a one-line name: " + name);
        }
        if (command.line().contains("\n")) {
            // one line per fact in the probe script, and a model of a node reads it line by line
            throw new IllegalArgumentException("a fact's command must be one line: " + name);
        }
    }

    public static Fact of(Part part, String name, Command command) {
        return new Fact(part, name, command);
    }

    /** A file's mode and content ({@link FileState#of}). */
    public static Fact file(Part part, String path) {
        return new Fact(part, "file " + path, Command.of("sh", "-c", FILE, "sh", path));
    }

    /**
     * A file that holds a secret: its mode and the SHA-256 of its content, never the content, so the secret never
     * leaves the node; a step compares it with the digest of what it would write.
     */
    public static Fact digest(Part part, String path) {
        return new Fact(part, "digest " + path, Command.of("sh", "-c", DIGEST, "sh", path));
    }

    /** Exit 0 when {@code path} exists and is a block device ({@code test -b}). */
    public static Fact blockDevice(Part part, String path) {
        return new Fact(part, "block " + path, Command.of("test", "-b", path));
    }

    /** Exit 0 when {@code path} is a directory ({@code test -d}). */
    public static Fact directory(Part part, String path) {
        return new Fact(part, "dir " + path, Command.of("test", "-d", path));
    }

    /** Exit 0 when {@code path} is an executable file ({@code test -x}). */
    public static Fact executable(Part part, String path) {
        return new Fact(part, "exec " + path, Command.of("test", "-x", path));
    }
}
