package org.hainstall.core.usecase;

import java.util.Locale;

/** Joins what went wrong (core's sentence, which may end in a full stop or not) with what it means for the admin. */
public final class Sentences {
    private Sentences() {
    }

    /** "X failed; nothing was written." or "X failed, do Y. Nothing was written." */
    public static String then(String sentence, String consequence) {
        String s = sentence.strip();
        if (s.endsWith(".")) {
            return s + " " + consequence.substring(0, 1).toUpperCase(Locale.ROOT) + consequence.substring(1) + ".";
        }
        return s + "; " + consequence + ".";
    }
}
