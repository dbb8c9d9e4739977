package org.hainstall.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hainstall.app.logging.RunLog;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.plan.Workflows;
import org.hainstall.core.remote.ShellFactory;
import org.hainstall.core.usecase.ClusterRuns;
import org.hainstall.core.usecase.ConfigCheck;
import org.hainstall.core.usecase.CreateCluster;
import org.hainstall.core.usecase.ModifyCluster;
import org.hainstall.core.usecase.RunSessions;
import org.hainstall.core.usecase.SecretsSource;

/**
 * The wizard's engine as production builds it (GuiWorkflows over core's CreateCluster and ModifyCluster and its real RunSession), with
 * test steps and two stand-in nodes in place of the catalog and SSH: the adapter is what is under test here.
 */
final class GuiEngineFixture {
    final FakeNode n1 = new FakeNode("n1");
    final FakeNode n2 = new FakeNode("n2");
    final List<String> opened = Collections.synchronizedList(new ArrayList<>());
    final List<String> prepared = Collections.synchronizedList(new ArrayList<>());
    volatile List<Problem> problems = List.of();
    volatile List<Step> steps = List.of(new CliStep(StepId.onNode("packages", "n1"), CliStep.Kind.CHANGE),
            new CliStep(StepId.onNode("packages", "n2"), CliStep.Kind.CHANGE),
            new CliStep(StepId.cluster("drbd-connect"), CliStep.Kind.CHANGE, "packages"));

    GuiWorkflows engine() {
        Workflows workflows = new Workflows() {
            @Override
            public List<Step> modify(ClusterConfig config) {
                return steps;
            }

            @Override
            public List<Step> create(ClusterConfig config) {
                return steps;
            }

            @Override
            public ShellFactory blankShells(ClusterConfig config) {
                return (cfg, node) -> {
                    opened.add("blank " + node.name());
                    return new FakeNode(node.name());
                };
            }
        };
        ShellFactory ssh = (config, node) -> {
            opened.add(node.name());
            return Map.of("n1", n1, "n2", n2).get(node.name());
        };
        SecretsSource secrets = new SecretsSource() {
            @Override
            public SecretsView open(Path configFile, ClusterConfig config) {
                return new SecretsView() {
                    @Override
                    public String heartbeatAuthKey() {
                        return "test-auth-key-0123456789";
                    }

                    @Override
                    public String drbdSecret(String resourceName) {
                        return "test-drbd-secret-0123456789";
                    }
                };
            }

            @Override
            public List<String> prepare(Path configFile, ClusterConfig config, boolean creating) {
                prepared.add(configFile + (creating ? " creating" : ""));
                return List.of("admin key");
            }
        };
        ConfigCheck validator = config -> problems;
        RunSessions sessions = new RunSessions(file -> workflows, file -> ssh, secrets, Clock.systemUTC(),
                runFolder -> RunLog.ofThisProcess().copyInto(runFolder));
        return new GuiWorkflows(new ClusterRuns(new CreateCluster(sessions, validator),
                new ModifyCluster(sessions, validator)));
    }
}
