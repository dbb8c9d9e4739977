package org.hainstall.core.config;

/**
 * The one way a value someone else wrote (a config value, a key, a request's method) is shown in a message: in single
 * quotes, every control character escaped, cut to a readable length. A YAML value may hold {@code \e}, {@code \a} or a
 * newline; printed raw, it would drive the admin's terminal or forge a line of output ("error  nodes[0] …").
 *
 * <p>Escaped: C0 controls and DEL ({@code \n}, {@code \r}, {@code \t}, {@code \e}, else {@code \xHH}), C1 controls,
 * the Unicode line and paragraph separators and the bidirectional overrides ({@code \\uHHHH}), a lone surrogate, and
 * the backslash and the quote themselves, so what is printed reads back as exactly one value.
 */
public final class Quote {
    /** Longer values are cut: a message names a value, it does not reproduce a megabyte of it. */
    static final int MAX_SHOWN = 120;

    private Quote() {
    }

    /** {@code 'value'}, escaped; {@code null} for a missing value. */
    public static String of(Object value) {
        return value == null ? "null" : "'" + escape(String.valueOf(value)) + "'";
    }

    /** The value escaped as in {@link #of}, without the quotes. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 8);
        int shown = 0;
        for (int i = 0; i < text.length(); i++) {
            if (shown == MAX_SHOWN) {
                out.append("…(").append(text.codePointCount(i, text.length())).append(" more characters)");
                break;
            }
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                appendEscaped(out, c);
            }
            shown++;
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x1b -> out.append("\\e");
            case '\\' -> out.append("\\\\");
            case '\'' -> out.append("\\'");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", (int) c));
                } else if ((c >= 0x80 && c <= 0x9f) || isInvisibleControl(c) || Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    /** Line/paragraph separators and the bidi embeddings, overrides and isolates ("Trojan Source"). */
    private static boolean isInvisibleControl(char c) {
        return c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
