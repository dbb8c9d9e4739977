package org.hainstall.app;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() {
        return cli.run(RunSessions.Mode.MODIFY, options);
    }
}
