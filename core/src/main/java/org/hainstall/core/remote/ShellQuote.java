package org.hainstall.core.remote;

import java.util.regex.Pattern;

/**
 * The one quoting helper: every value that reaches a remote shell passes here (crmsh's CVE-2020-35459 was one
 * value that did not).
 * <p>
 * The rules, for a POSIX shell ({@code sh}, {@code dash}, {@code bash}; the remote login shell runs the line):
 * <ul>
 *   <li>A word made only of {@code A-Z a-z 0-9 _ . / : = @ % + , -} stays as it is, so dry runs read like the
 *       commands an admin would type ({@code lvcreate -L 20G -n data vg0}). None of these characters means
 *       anything to the shell inside a word; a leading {@code =} (zsh expands {@code =cmd}) is quoted anyway.</li>
 *   <li>Anything else — spaces, {@code $ ` " \ ; & | < > ( ) { } [ ] * ? ! ~ # '}, tabs, newlines, non-ASCII
 *       letters — is put in single quotes. Inside single quotes a POSIX shell treats every character literally
 *       except {@code '} itself, which is written as {@code '\''} (close the quote, an escaped quote, reopen).</li>
 *   <li>The empty string becomes {@code ''}, so it stays an argument instead of vanishing.</li>
 *   <li>A NUL character cannot be passed through a shell at all and is refused.</li>
 * </ul>
 * Quoting makes a value one literal word; it does not make a value sensible. Names (hosts, volumes, instances)
 * must also pass the config's allow-list, so that {@code ../} or a leading {@code -} never gets this far.
 */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellQuote() {
    }

    /**
     * Quotes a value for a POSIX shell, following the rules above.
     *
     * @throws IllegalArgumentException when the value holds a NUL character
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL character");
        }
        if (value.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(value).matches() && value.charAt(0) != '=') {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
