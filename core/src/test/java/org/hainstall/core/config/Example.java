package org.hainstall.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped example config (examples/cluster.yaml at the repository root), for tests and benchmarks. */
public final class Example {
    private Example() {
    }

    public static Path path() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("examples/cluster.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/cluster.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public static String text() {
        try {
            return Files.readString(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClusterConfig config() {
        try {
            return new ConfigLoader().load(text(), ConfigFormat.YAML);
        } catch (ConfigException e) {
            throw new IllegalStateException("the example does not load: " + e.getMessage(), e);
        }
    }
}
