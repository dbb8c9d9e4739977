package org.hainstall.app;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.hainstall.core.usecase.ClusterRun;
import org.hainstall.core.usecase.ModifyCluster;
import org.hainstall.core.plan.RunMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hainstall modify}: bring existing nodes, reachable over SSH, to the config. */
@Command(name = "modify", mixinStandardHelpOptions = true,
        description = {"Bring existing nodes (reachable over SSH) to the config; a re-run on a finished cluster "
                + "changes nothing.",
                "Exit status: 0 done, 1 a step failed, 2 bad config, 3 not built, 4 cancelled."})
final class ModifyCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    private final WorkflowCli cli;

    @Inject
    ModifyCommand(WorkflowCli cli) {
        this.cli = cli;
    }

    /** The use case this command runs: core's {@link ModifyCluster}, the one the wizard's Start runs too. */
    ClusterRun useCase() {
        return cli.useCase(RunMode.MODIFY);
    }

    @Override
    public Integer call() {
        return cli.run(RunMode.MODIFY, options);
    }
}
