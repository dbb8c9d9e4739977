package org.hainstall.core.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.Shell;

/** A step context over scripted shells; collects the output lines a step forwards. */
public final class TestContext implements StepContext {
    private final StepId id;
    private final ClusterConfig config;
    private final Map<String, Shell> shells;
    public final List<String> output = new ArrayList<>();

    public TestContext(StepId id, ClusterConfig config, Map<String, Shell> shells) {
        this.id = id;
        this.config = config;
        this.shells = shells;
    }

    @Override
    public StepId stepId() {
        return id;
    }

    @Override
    public ClusterConfig config() {
        return config;
    }

    @Override
    public ClusterConfig.Node node() {
        return config.nodes().stream().filter(n -> n.name().equals(id.node())).findFirst().orElse(null);
    }

    @Override
    public Shell shell() {
        return shells.get(id.node());
    }

    @Override
    public Shell shell(String nodeName) {
        return shells.get(nodeName);
    }

    @Override
    public SecretsView secrets() {
        return new SecretsView() {
            @Override
            public String heartbeatAuthKey() {
                return "hb-key-for-tests";
            }

            @Override
            public String drbdSecret(String resourceName) {
                return "drbd-secret-" + resourceName;
            }
        };
    }

    @Override
    public OutputListener output() {
        return (stream, line) -> output.add(line);
    }

    @Override
    public AdminPrompter prompter() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void checkCancelled() {
    }
}
