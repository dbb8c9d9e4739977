package org.hainstall.app.logging;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where hainstall logs and how much reaches the terminal, from the environment.
 *
 * @param applicationLog {@code $XDG_STATE_HOME/hainstall/hainstall.log}, by default
 *                       {@code ~/.local/state/hainstall/hainstall.log}
 * @param supportLevel   with {@code HAINSTALL_LOG=LEVEL}: every logger at that level and above is shown on the
 *                       terminal too, with logger names and stack traces (for support); null otherwise, when only
 *                       hainstall's own lines are
 */
public record LogSettings(Path applicationLog, Level supportLevel) {
    /** The environment variable that shows library logging on the terminal: debug, info, warn, error or trace. */
    public static final String SUPPORT_VARIABLE = "HAINSTALL_LOG";
    static final String FILE_NAME = "hainstall.log";

    public static LogSettings from(Map<String, String> env, String userHome) {
        String state = env.get("XDG_STATE_HOME");
        // The XDG spec: a relative value is invalid and must be ignored.
        Path stateHome = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                : Path.of(userHome, ".local", "state");
        String support = env.get(SUPPORT_VARIABLE);
        Level level = support == null || support.isBlank() ? null : Level.toLevel(support.strip(), Level.DEBUG);
        return new LogSettings(stateHome.resolve("hainstall").resolve(FILE_NAME), level);
    }

    /** The level below which nothing is logged anywhere: INFO, or lower for support. */
    Level floor() {
        return supportLevel != null && !supportLevel.isGreaterOrEqual(Level.INFO) ? supportLevel : Level.INFO;
    }
}
