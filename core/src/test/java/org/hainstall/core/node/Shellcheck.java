package org.hainstall.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs shellcheck (as a POSIX sh script) on a probe script and fails the test on any finding. */
public final class Shellcheck {
    private Shellcheck() {
    }

    public static void assertClean(String script, Path dir, String name) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/shellcheck")), "shellcheck not installed");
        Path file = Files.writeString(dir.resolve(name + ".sh"), script);
        Process p = new ProcessBuilder("shellcheck", "-s", "sh", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(name + ":\n" + out).isZero();
    }
}
