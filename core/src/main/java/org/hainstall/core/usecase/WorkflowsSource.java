package org.hainstall.core.usecase;

import java.nio.file.Path;
import org.hainstall.core.plan.Workflows;

/** The workflows of a cluster: create's provisioning keeps its seeds and secrets beside the config file. */
public interface WorkflowsSource {
    Workflows forConfig(Path configFile);
}
