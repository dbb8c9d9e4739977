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
                Files.writeString(marker, "running");
                Thread.sleep(Long.MAX_VALUE); // until killed
            } catch (Exception e) {
                throw new StepException(ctx.stepId(), "interrupted");
            }
        });
        RunSession session = new RunSession(TestClusters.minimal("sales-db"), KilledRunTest.steps(lvm),
                TestShells.byName(Map.of("n1", new InMemoryNodeShell("n1"), "n2", new InMemoryNodeShell("n2"))),
                Runs.NO_SECRETS, Runs.ANSWER_DONE, e -> { }, new StateFolder(stateDir), Clock.systemUTC(),
                RunSession.Options.apply("modify"));
        session.run();
    }

    static List<Step> unused() {
        return List.of();
    }
}
