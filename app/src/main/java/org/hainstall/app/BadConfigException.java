package org.hainstall.app;

import java.util.List;
import org.hainstall.core.config.Problem;

/** The config file cannot be read or loaded: each problem names its path (and line/column where known). */
final class BadConfigException extends Exception {
    private final List<Problem> problems;

    BadConfigException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}
