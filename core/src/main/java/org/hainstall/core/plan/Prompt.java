package org.hainstall.core.plan;

/** A question for the administrator, e.g. "power on sales-db2 (MAC …) with ISO … attached". */
public record Prompt(String id, String node, String title, String message) {
    public enum Answer { DONE, CANCEL }
}
