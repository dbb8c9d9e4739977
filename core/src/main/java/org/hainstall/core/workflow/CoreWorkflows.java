package org.hainstall.core.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.BlankNodeModel;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.Workflows;
import org.hainstall.core.machines.ProvisionStep;
import org.hainstall.core.remote.ShellFactory;

/**
 * The workflows of one cluster config: {@code modify} is the node steps (7–16); {@code create} is provisioning
 * (1–6) followed by the same node steps, every one of which then waits for the nodes to exist.
 */
public final class CoreWorkflows implements Workflows {
    private final Path configFile;

    public CoreWorkflows(Path configFile) {
        this.configFile = configFile;
    }

    @Override
    public List<Step> modify(ClusterConfig config) {
        return NodeStepCatalog.steps(config);
    }

    @Override
    public List<Step> create(ClusterConfig config) {
        List<Step> steps = new ArrayList<>();
        // Long enough for a person to power on a physical machine; VMs call back within a minute or two.
        steps.add(new ProvisionStep(configFile, config.provisioning().callbackTimeoutOrDefault()));
        for (Step s : NodeStepCatalog.steps(config)) {
            steps.add(s.dependsOn().isEmpty() ? new AfterStep(s, ProvisionStep.NAME) : s);
        }
        return steps;
    }

    /** create --dry-run: each node answers as a freshly prepared Debian stub would; nothing is contacted. */
    @Override
    public ShellFactory blankShells(ClusterConfig config) {
        return (cfg, node) -> new BlankNodeModel(cfg, node);
    }
}
