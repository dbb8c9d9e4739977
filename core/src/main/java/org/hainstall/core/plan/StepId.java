package org.hainstall.core.plan;

/** A step's name and the node it runs on; {@code node} is null for cluster-wide steps. */
public record StepId(String name, String node) {
    public static StepId cluster(String name) {
        return new StepId(name, null);
    }

    public static StepId onNode(String name, String node) {
        return new StepId(name, node);
    }

    public boolean clusterWide() {
        return node == null;
    }

    @Override
    public String toString() {
        return node == null ? name : node + "/" + name;
    }
}
