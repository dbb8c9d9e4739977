package org.hainstall.core.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two runs that change nodes. {@code create} provisions new nodes first; {@code modify} brings existing ones to
 * the config. A closed set, so the command line and the wizard cannot ask for a mode that does not exist.
 */
public enum RunMode {
    CREATE, MODIFY;

    /** The word the admin types and reads, and the run folders and journals are named with: {@code create}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode whose word is exactly {@code word}; empty for any other text. */
    public static Optional<RunMode> ofWord(String word) {
        return Arrays.stream(values()).filter(m -> m.word().equals(word)).findFirst();
    }
}
