package org.hainstall.core.secrets;

/**
 * A file as the secrets scan compares it: only the characters a generated secret is made of (the base64 alphabet,
 * which holds hex too), everything else dropped, and the escapes a secret picks up on its way into JSON or a
 * quoted string undone ({@code \n}, {@code \/}, JSON's unicode escapes). A key re-wrapped at another width, re-indented,
 * quoted line by line, split by line breaks or escaped into JSON reads here as the same run of characters as
 * the original. Streaming: the escape state carries over from one chunk to the next.
 */
final class Base64View {
    private int escape = -1;      // -1: none; 0: after a backslash; 1..4: hex digits of a unicode escape read so far
    private int unicode;

    static boolean kept(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }

    /** The view of {@code text} in one piece (for the values searched for). */
    static byte[] of(byte[] text) {
        byte[] out = new byte[text.length];
        int n = new Base64View().feed(text, text.length, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    /** Appends the view of {@code in[0..length)} to {@code out} from {@code at}; returns the new end. */
    int feed(byte[] in, int length, byte[] out, int at) {
        int o = at;
        for (int i = 0; i < length; i++) {
            int c = in[i] & 0xff;
            if (escape == 0) {
                escape = -1;
                if (c == 'u') {
                    escape = 1;
                    unicode = 0;
                    continue;
                }
                if (c == 'n' || c == 'r' || c == 't' || c == 'b' || c == 'f') {
                    continue;
                }
                // \/ \\ \" and the like: the character itself
            } else if (escape > 0) {
                int digit = Character.digit(c, 16);
                if (digit < 0) {
                    escape = -1; // not an escape after all: read the character as it is
                } else {
                    unicode = unicode * 16 + digit;
                    if (++escape == 5) {
                        escape = -1;
                        if (kept(unicode)) {
                            out[o++] = (byte) unicode;
                        }
                    }
                    continue;
                }
            }
            if (c == '\\') {
                escape = 0;
            } else if (kept(c)) {
                out[o++] = (byte) c;
            }
        }
        return o;
    }
}
