package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) on a running {@code modify}: the running step finishes, nothing new starts, exit 4. */
class CtrlCTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCStopsAtAStepBoundaryRecordsItAndExitsFour() throws Exception {
        Path config = Files.writeString(dir.resolve("sales-db.yaml"), "# stand-in\n");
        Path out = dir.resolve("child.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CtrlCChild.class.getName(), config.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(dir.resolve("a-running")) && child.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(dir.resolve("a-running")).as(Files.readString(out)).exists();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
            assertThat(kill.waitFor()).isZero();
            // Let the hook see the signal before the step may end (it waits for "release").
            for (int i = 0; i < 600 && !Files.readString(out).contains("SIGINT — stopping"); i++) {
                Thread.sleep(100);
            }
            Files.writeString(dir.resolve("release"), "go");
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(out);
        assertThat(child.exitValue()).as(output).isEqualTo(4);
        assertThat(output).contains("SIGINT — stopping").containsPattern("n1 +a +changed")
                .containsPattern("n1 +b +skipped +not started: the run was cancelled")
                .contains("Cancelled at a step boundary").contains("Changed: n1/a").contains("run folder: ");
        Path runs = dir.resolve("sales-db.state/runs");
        try (Stream<Path> list = Files.list(runs)) {
            Path run = list.findFirst().orElseThrow();
            assertThat(Files.readString(run.resolve("journal.json"))).contains("\"state\" : \"CANCELLED\"");
        }
    }

    @Test
    void aSecondCtrlCQuitsAtOnceWithoutWaitingForTheStep() throws Exception {
        Path config = Files.writeString(dir.resolve("sales-db.yaml"), "# stand-in\n");
        Path out = dir.resolve("child.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CtrlCChild.class.getName(), config.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(dir.resolve("a-running")) && child.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(dir.resolve("a-running")).as(Files.readString(out)).exists();
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            for (int i = 0; i < 600 && !Files.readString(out).contains("SIGINT — stopping"); i++) {
                Thread.sleep(100);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            // The step never ends by itself ("release" is never written): only the second Ctrl-C ends the process.
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(out)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(StopSignals.QUIT_AT_ONCE);
        assertThat(Files.readString(out)).contains("quitting at once");
    }
}
