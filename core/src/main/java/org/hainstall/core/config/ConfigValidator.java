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
}
