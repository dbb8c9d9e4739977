package org.hainstall.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one validation run, in config order. Not shared between runs. */
final class ProblemList {
    private final List<Problem> problems = new ArrayList<>();

    void error(String path, ProblemCode code, String message) {
        problems.add(Problem.error(path, code, message));
    }

    void warning(String path, ProblemCode code, String message) {
        problems.add(Problem.warning(path, code, message));
    }

    /** Reports a missing value; returns true when it is there. Empty text and empty lists count as missing. */
    boolean required(String path, Object value) {
        boolean missing = value == null
                || (value instanceof String && ((String) value).isBlank())
                || (value instanceof List && ((List<?>) value).isEmpty());
        if (missing) {
            String key = path.substring(path.lastIndexOf('.') + 1);
            error(path, ProblemCode.VALUE_REQUIRED, Quote.of(key) + " is required"
                    + (value instanceof List ? " and must list at least one entry." : "."));
        }
        return !missing;
    }

    List<Problem> toList() {
        return List.copyOf(problems);
    }
}
