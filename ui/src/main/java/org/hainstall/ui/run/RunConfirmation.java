package org.hainstall.ui.run;

import java.nio.file.Path;
import org.hainstall.core.plan.RunMode;

/**
 * What the admin confirms before a run starts: the mode, the config file, and the dry run's summary per node
 * (how many changes, which commands overwrite a device).
 */
public record RunConfirmation(RunMode mode, String cluster, Path configFile, PlanSummary plan) {
    /** Asks the admin; true starts the run. */
    @FunctionalInterface
    public interface Asker {
        boolean confirm(RunConfirmation confirmation);
    }

    /** The question's heading, e.g. "Create the cluster sales-db?". */
    public String question() {
        return (mode == RunMode.CREATE ? "Create the cluster " : "Bring the cluster ") + cluster
                + (mode == RunMode.CREATE ? "?" : " to the config (modify)?");
    }
}
