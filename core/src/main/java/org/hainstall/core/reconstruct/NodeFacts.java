package org.hainstall.core.reconstruct;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The raw output of the read-only commands reconstruct runs on one node, by fact name ("drbd-dump",
 * "sfdisk:/dev/vdb" …), and the facts that could not be read with the reason. Captured once, assembled
 * into a config by a pure function, so the assembly is unit-tested on output captured from real machines.
 */
public final class NodeFacts {
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    public NodeFacts put(String fact, String output) {
        outputs.put(fact, output);
        failures.remove(fact);
        return this;
    }

    public NodeFacts fail(String fact, String reason) {
        failures.put(fact, reason);
        return this;
    }

    public Optional<String> get(String fact) {
        return Optional.ofNullable(outputs.get(fact));
    }

    public Map<String, String> outputs() {
        return Map.copyOf(outputs);
    }

    /** Fact name → why it could not be read (command missing, non-zero exit …). */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }
}
