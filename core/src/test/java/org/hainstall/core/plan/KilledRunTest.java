package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;
import org.hainstall.core.testing.TestShells;

/** FAULTS 29 for real: the installer's JVM is killed (SIGKILL) mid-run, and a new run resumes from its journal. */
class KilledRunTest {
    @TempDir
    Path dir;

    static List<Step> steps(ScriptedStep lvm) {
        return List.of(ScriptedStep.on("n1", "packages"), ScriptedStep.on("n2", "packages"), lvm,
                ScriptedStep.on("n1", "fs", "lvm"));
    }

    @Test
    void aKilledInstallerIsResumedWithoutRedoingFinishedSteps() throws Exception {
        Path stateDir = dir.resolve("sales-db.state");
        Path marker = dir.resolve("lvm-running");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledRunChild.class.getName(), stateDir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        try {
            // Wait (bounded) until the child runs lvm; the bound only keeps a broken child from hanging the suite.
            for (int i = 0; i < 600 && !Files.exists(marker) && child.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(marker).as("child output: %s", Files.readString(dir.resolve("child.out"))).exists();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        ScriptedStep lvm = ScriptedStep.on("n1", "lvm", "packages");
        List<Step> steps = steps(lvm);
        RecordingSink sink = new RecordingSink();
        RunSession.Result resumed = new RunSession(TestClusters.minimal("sales-db"), steps,
                TestShells.byName(Map.of("n1", new InMemoryNodeShell("n1"), "n2", new InMemoryNodeShell("n2"))),
                Runs.NO_SECRETS, Runs.ANSWER_DONE, sink, new StateFolder(stateDir), Clock.systemUTC(),
                RunSession.Options.apply(RunMode.MODIFY)).run();

        ScriptedStep packages = (ScriptedStep) steps.get(0);
        ScriptedStep otherPackages = (ScriptedStep) steps.get(1);
        assertThat(resumed.run().success()).isTrue();
        assertThat(packages.checks.get() + packages.applies.get()).isZero();
        assertThat(otherPackages.checks.get() + otherPackages.applies.get()).isZero();
        assertThat(lvm.checks.get()).isEqualTo(2); // re-checked, then verified
        assertThat(lvm.applies.get()).isEqualTo(1);
        assertThat(sink.of(Event.Notice.class)).anySatisfy(n -> assertThat(n.message())
                .contains("re-checking the step(s) it left running: n1/lvm"));
    }
}
