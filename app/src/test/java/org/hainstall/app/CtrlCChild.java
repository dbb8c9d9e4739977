package org.hainstall.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.plan.Workflows;
import org.hainstall.core.remote.ShellFactory;
import org.hainstall.core.plan.RunMode;

/**
 * The command line that {@link CtrlCTest} interrupts with SIGINT: {@code modify --yes} on stand-in nodes, whose
 * first step writes {@code a-running} next to the config and then waits for a {@code release} file.
 * Usage: {@code CtrlCChild CONFIG_FILE}.
 */
public final class CtrlCChild {
    private CtrlCChild() {
    }

    public static void main(String[] args) {
        Path config = Path.of(args[0]);
        Step a = new CliStep(StepId.onNode("a", "n1"), CliStep.Kind.CHANGE) {
            @Override
            public void apply(StepContext ctx, Check.Change change) throws StepException {
                try {
                    Files.writeString(config.resolveSibling("a-running"), "x");
                    for (int i = 0; i < 600 && !Files.exists(config.resolveSibling("release")); i++) {
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new StepException(ctx.stepId(), e.toString());
                }
                super.apply(ctx, change);
            }
        };
        Step b = new CliStep(StepId.onNode("b", "n1"), CliStep.Kind.CHANGE, "a");
        Workflows workflows = new Workflows() {
            @Override
            public List<Step> modify(ClusterConfig c) {
                return List.of(a, b);
            }

            @Override
            public List<Step> create(ClusterConfig c) {
                return List.of(a, b);
            }

            @Override
            public ShellFactory blankShells(ClusterConfig c) {
                return (cfg, node) -> new FakeNode(node.name());
            }
        };
        Map<String, FakeNode> nodes = Map.of("n1", new FakeNode("n1"), "n2", new FakeNode("n2"));
        SecretsView secrets = new SecretsView() {
            @Override
            public String heartbeatAuthKey() {
                return "unused-key-000000";
            }

            @Override
            public String drbdSecret(String resourceName) {
                return "unused-secret-000000";
            }
        };
        WorkflowCli cli = new WorkflowCli((f, o) -> CliTest.CONFIG, c -> List.of(), workflows,
                (c, node) -> nodes.get(node.name()), (f, c) -> secrets, Terminal.system(), Clock.systemUTC(), true);
        RunOptions options = new RunOptions();
        options.config = config;
        options.yes = true;
        System.exit(cli.run(RunMode.MODIFY, options));
    }
}
