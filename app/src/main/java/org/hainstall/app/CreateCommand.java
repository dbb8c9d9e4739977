package org.hainstall.app;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.hainstall.core.usecase.ClusterRun;
import org.hainstall.core.usecase.CreateCluster;
import org.hainstall.core.plan.RunMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hainstall create}: provision new nodes, then configure them; {@code --dry-run} contacts nothing. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a new cluster: provision the nodes, then configure them. With --dry-run, plan "
                + "against blank nodes without contacting anything.",
                "Exit status: 0 done, 1 a step failed, 2 bad config, 3 not built, 4 cancelled."})
final class CreateCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    private final WorkflowCli cli;

    @Inject
    CreateCommand(WorkflowCli cli) {
        this.cli = cli;
    }

    /** The use case this command runs: core's {@link CreateCluster}, the one the wizard's Start runs too. */
    ClusterRun useCase() {
        return cli.useCase(RunMode.CREATE);
    }

    @Override
    public Integer call() {
        return cli.run(RunMode.CREATE, options);
    }
}
