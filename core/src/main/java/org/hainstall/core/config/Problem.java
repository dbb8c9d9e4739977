package org.hainstall.core.config;

import java.util.Objects;

/**
 * One thing wrong with a config.
 *
 * @param path     where, in the same syntax as {@code --set}: {@code nodes[1].address}, {@code heartbeat.udpPort}
 * @param severity error or warning
 * @param code     stable code such as {@link ProblemCode#NODE_NAME_DUPLICATE}; tests and {@code --force} use it
 * @param message  a sentence an administrator understands
 */
public record Problem(String path, Severity severity, ProblemCode code, String message) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String path, ProblemCode code, String message) {
        return new Problem(path, Severity.ERROR, code, message);
    }

    public static Problem warning(String path, ProblemCode code, String message) {
        return new Problem(path, Severity.WARNING, code, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + path + " [" + code + "]: " + message;
    }
}
