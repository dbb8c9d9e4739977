package org.hainstall.core.plan;

import java.time.Duration;
import org.hainstall.core.remote.Command;

/** One thing a change does on a node. A dry run prints it; {@link ActionExecutor} carries it out. */
public sealed interface Action {

    /** Runs a command; a non-zero exit fails the step. */
    record Run(Command command, Duration timeout) implements Action {
        public Run(Command command) {
            this(command, Duration.ofMinutes(5));
        }

        @Override
        public String describe() {
            return "run: " + command.line();
        }
    }

    /**
     * Writes a file atomically with the given mode. When {@code secret} is true the content is never printed,
     * logged or sent as an event: the dry run shows "(secret, N bytes)".
     */
    record WriteFile(String path, String content, int mode, boolean secret) implements Action {
        @Override
        public String describe() {
            String shown = secret ? "(secret content, "
                    + content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes)" : content;
            return "write " + path + " (mode " + String.format("%04o", mode) + "):\n" + shown;
        }
    }

    /**
     * An action on a named node: how a cluster-wide step (no node of its own) says where each action runs.
     * A node step may use it too, to act on its peer.
     */
    record On(String node, Action action) implements Action {
        public On {
            if (action instanceof On) {
                throw new IllegalArgumentException("nested Action.On");
            }
        }

        @Override
        public String describe() {
            return "on " + node + ": " + action.describe();
        }
    }

    static Action on(String node, Action action) {
        return new On(node, action);
    }

    /** For dry runs and logs. Secrets masked. */
    String describe();
}
