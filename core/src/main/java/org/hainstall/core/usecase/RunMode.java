package org.hainstall.core.usecase;

import java.util.Locale;

/**
 * The two runs that change nodes. {@code create} provisions new nodes first; {@code modify} brings existing ones to
 * the config. A closed set, so the command line and the wizard cannot ask for a mode that does not exist.
 */
public enum RunMode {
    CREATE, MODIFY;

    /** The word the admin types and reads: {@code create}, {@code modify}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
