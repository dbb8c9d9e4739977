package org.hainstall.core.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config that cannot be read at all: unreadable file, malformed YAML/JSON, unknown or duplicated keys, values of
 * the wrong type, or a {@code --set} that names no field. Carries every problem found, not just the first.
 * (A config that reads but is wrong is not an exception: {@link ConfigValidator} returns its problems.)
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
