package org.hainstall.core.remote;

import java.util.regex.Pattern;

/** The one quoting helper: every value that reaches a remote shell passes here. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellQuote() {
    }

    /**
     * Quotes a value for a POSIX shell. Plain words stay as they are (readable dry runs); anything else is put
     * in single quotes, with embedded single quotes written as {@code '\''}.
     */
    public static String quote(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
