package org.hainstall.ui.run;

import java.time.Duration;
import java.time.Instant;
import org.hainstall.core.plan.StepId;

/** One row of the run tree: the cluster, a node, or a step. Changed on the FX thread only. */
public final class RunItem {
    public enum Kind { CLUSTER, NODE, STEP }

    private final Kind kind;
    private final String label;
    private final String node;
    private final StepId step;
    Status status = Status.PENDING;
    Instant started;
    Duration took;
    String summary = "";
    int total;
    int finished;
    int changed;
    int failed;

    RunItem(Kind kind, String label, String node, StepId step) {
        this.kind = kind;
        this.label = label;
        this.node = node;
        this.step = step;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    /** The node this row is about (null for the cluster and cluster-wide steps). */
    public String node() {
        return node;
    }

    public StepId step() {
        return step;
    }

    public Status status() {
        return status;
    }

    public Duration took() {
        return took;
    }

    public Instant started() {
        return started;
    }

    public String summary() {
        return summary;
    }

    public int total() {
        return total;
    }

    public int finished() {
        return finished;
    }

    public int changed() {
        return changed;
    }

    public int failed() {
        return failed;
    }

    /** Whether a log line of {@code lineStep} belongs under this row. */
    public boolean covers(StepId lineStep) {
        return switch (kind) {
            case CLUSTER -> true;
            case NODE -> lineStep != null && node.equals(lineStep.node());
            case STEP -> step.equals(lineStep);
        };
    }

    @Override
    public String toString() {
        return label + " " + status;
    }
}
