package org.hainstall.core.config;

import java.util.List;

/**
 * Validation is one pure function: every problem of a config at once, never stopping at the first. Each problem has
 * the path of the value it is about, a severity, a stable code ({@link ProblemCode}) and a sentence for a person.
 * Fast enough to run on every keystroke in the wizard (see ValidationBenchmark), and safe on half-filled configs:
 * a missing value is a problem, never an exception.
 */
public final class ConfigValidator {
    private final List<Rule> rules = List.of(
            new GeneralRules(),
            new NetworkRules(),
            new NodeRules(),
            new StorageRules(),
            new FilesystemRules(),
            new ReplicationRules(),
            new HeartbeatRules(),
            new PortRules(),
            new Db2Rules(),
            new BackupRules());

    public List<Problem> validate(ClusterConfig config) {
        ProblemList problems = new ProblemList();
        if (config == null) {
            problems.error("", ProblemCode.VALUE_REQUIRED, "the config is empty.");
            return problems.toList();
        }
        for (Rule rule : rules) {
            rule.check(config, problems);
        }
        return problems.toList();
    }

    /**
     * Every problem of a file as {@link ConfigLoader#read} read it: its reading problems (unknown keys, duplicated
     * keys, wrong types) first, then the validator's, leaving out those about a value the reading problems already
     * name (a value of the wrong type is read as missing, and "required" would only repeat it).
     */
    public List<Problem> validate(ConfigLoader.Result read) {
        List<Problem> all = new java.util.ArrayList<>(read.problems());
        for (Problem p : validate(read.config())) {
            boolean repeats = read.problems().stream().anyMatch(r -> !r.path().isEmpty()
                    && (p.path().equals(r.path()) || p.path().startsWith(r.path() + ".")
                    || p.path().startsWith(r.path() + "[")));
            if (!repeats) {
                all.add(p);
            }
        }
        return List.copyOf(all);
    }
}
