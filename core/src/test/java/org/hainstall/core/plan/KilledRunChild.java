package org.hainstall.core.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hainstall.core.testing.TestClusters;
import org.hainstall.core.testing.TestShells;

/**
 * The installer that {@link KilledRunTest} kills: a separate JVM running a real run whose third step never ends.
 * Usage: {@code KilledRunChild STATE_DIR}. It writes {@code lvm-running} beside the state folder once that step runs.
 */
public final class KilledRunChild {
    private KilledRunChild() {
    }

    public static void main(String[] args) throws Exception {
        Path stateDir = Path.of(args[0]);
        Path marker = stateDir.resolveSibling("lvm-running");
        ScriptedStep lvm = ScriptedStep.on("n1", "lvm", "packages").onApply(ctx -> {
            try {
                // n2's packages runs beside n1's steps: the kill must come after the journal has it finished, as
                // the test asserts it is not redone (on a loaded machine it could otherwise still be running).
                awaitFinished(new StateFolder(stateDir), StepId.onNode("packages", "n2"));
                Files.writeString(marker, "running");
                Thread.sleep(Long.MAX_VALUE); // until killed
            } catch (Exception e) {
                throw new StepException(ctx.stepId(), "interrupted");
            }
        });
        RunSession session = new RunSession(TestClusters.minimal("sales-db"), KilledRunTest.steps(lvm),
                TestShells.byName(Map.of("n1", new InMemoryNodeShell("n1"), "n2", new InMemoryNodeShell("n2"))),
                Runs.NO_SECRETS, Runs.ANSWER_DONE, e -> { }, new StateFolder(stateDir), Clock.systemUTC(),
                RunSession.Options.apply(RunMode.MODIFY));
        session.run();
    }

    /** Waits (bounded) until the run's journal records {@code step} finished. */
    private static void awaitFinished(StateFolder state, StepId step) throws Exception {
        for (int i = 0; i < 300; i++) {
            try (var runs = Files.list(state.runs())) {
                for (Path run : runs.toList()) {
                    var snap = JournalFile.read(run.resolve(JournalFile.NAME));
                    if (snap.isPresent() && snap.get().finishedSteps().containsKey(step)) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
    }

    static List<Step> unused() {
        return List.of();
    }
}
