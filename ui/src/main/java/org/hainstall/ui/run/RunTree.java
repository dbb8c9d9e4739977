package org.hainstall.ui.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.StepId;

/**
 * The tree cluster → node → step, kept up to date from core's events (FX thread). Cluster-wide steps hang
 * directly under the cluster. Nodes and the cluster count their steps: total, finished, changed, failed.
 */
public final class RunTree {
    private final TreeItem<RunItem> root;
    private final Map<String, TreeItem<RunItem>> nodes = new HashMap<>();
    private final Map<StepId, TreeItem<RunItem>> steps = new HashMap<>();
    private String runSummary = "";
    private boolean runFinished;
    private boolean runSucceeded;

    public RunTree(String clusterName) {
        root = new TreeItem<>(new RunItem(RunItem.Kind.CLUSTER, clusterName, null, null));
        root.setExpanded(true);
    }

    public TreeItem<RunItem> root() {
        return root;
    }

    public TreeItem<RunItem> step(StepId id) {
        return steps.get(id);
    }

    public TreeItem<RunItem> node(String name) {
        return nodes.get(name);
    }

    public boolean runFinished() {
        return runFinished;
    }

    public boolean runSucceeded() {
        return runSucceeded;
    }

    public String runSummary() {
        return runSummary;
    }

    public void accept(List<Event> batch) {
        for (Event e : batch) {
            accept(e);
        }
        recount();
    }

    private void accept(Event e) {
        if (e instanceof Event.RunStarted s) {
            root.getValue().started = s.at();
            root.getValue().status = Status.RUNNING;
            s.steps().forEach(this::stepItem);
        } else if (e instanceof Event.StepStarted s) {
            RunItem item = stepItem(s.step()).getValue();
            item.status = Status.RUNNING;
            item.started = s.at();
        } else if (e instanceof Event.StepFinished f) {
            RunItem item = stepItem(f.step()).getValue();
            item.status = Status.of(f.outcome());
            item.took = f.took();
            item.summary = f.summary() == null ? "" : f.summary();
        } else if (e instanceof Event.RunFinished f) {
            runFinished = true;
            runSucceeded = f.success();
            runSummary = f.summary() == null ? "" : f.summary();
            RunItem r = root.getValue();
            r.status = !f.success() ? Status.FAILED : f.changed() > 0 ? Status.CHANGED : Status.OK;
            r.summary = runSummary;
            if (r.started != null) {
                r.took = Duration.between(r.started, f.at());
            }
        }
    }

    private TreeItem<RunItem> stepItem(StepId id) {
        TreeItem<RunItem> item = steps.get(id);
        if (item == null) {
            TreeItem<RunItem> parent = id.clusterWide() ? root : nodeItem(id.node());
            item = new TreeItem<>(new RunItem(RunItem.Kind.STEP, id.name(), id.node(), id));
            parent.getChildren().add(item);
            steps.put(id, item);
        }
        return item;
    }

    private TreeItem<RunItem> nodeItem(String name) {
        return nodes.computeIfAbsent(name, n -> {
            TreeItem<RunItem> item = new TreeItem<>(new RunItem(RunItem.Kind.NODE, n, n, null));
            item.setExpanded(true);
            root.getChildren().add(item);
            return item;
        });
    }

    private void recount() {
        RunItem all = root.getValue();
        all.total = all.finished = all.changed = all.failed = 0;
        for (TreeItem<RunItem> n : nodes.values()) {
            RunItem node = n.getValue();
            node.total = node.finished = node.changed = node.failed = 0;
            boolean running = false;
            for (TreeItem<RunItem> s : n.getChildren()) {
                count(node, s.getValue());
                running |= s.getValue().status == Status.RUNNING;
            }
            node.status = node.failed > 0 ? Status.FAILED
                    : running || (node.finished > 0 && node.finished < node.total) ? Status.RUNNING
                    : node.finished == node.total && node.total > 0 ? (node.changed > 0 ? Status.CHANGED : Status.OK)
                    : Status.PENDING;
        }
        steps.values().forEach(s -> count(all, s.getValue()));
    }

    private static void count(RunItem into, RunItem step) {
        into.total++;
        if (step.status.finished()) {
            into.finished++;
        }
        if (step.status == Status.CHANGED) {
            into.changed++;
        }
        if (step.status == Status.FAILED) {
            into.failed++;
        }
    }
}
