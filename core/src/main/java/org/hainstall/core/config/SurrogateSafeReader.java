package org.hainstall.core.config;

import java.io.IOException;
import java.io.Reader;

/**
 * Hands text to the YAML parser so that no read ends between the two halves of a surrogate pair (an emoji, say).
 * snakeyaml-engine 3.0.1 reads in windows of 1024 chars; when a window ends with a high surrogate it reads one more
 * char past the end of its buffer and fails with an IndexOutOfBoundsException, so one emoji at offset 1024 + 1025·k
 * crashed every load (the same bug as FasterXML/jackson-dataformats-text#508). Holding the high surrogate back for
 * the next read keeps the parser off that path whatever its window.
 */
final class SurrogateSafeReader extends Reader {
    private final String text;
    private int position;

    SurrogateSafeReader(String text) {
        this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= text.length()) {
            return -1;
        }
        int n = Math.min(length, text.length() - position);
        int end = position + n;
        // Never return 0 for a request of 1: a lone high surrogate is then handed over as it is.
        if (n > 1 && Character.isHighSurrogate(text.charAt(end - 1)) && end < text.length()) {
            n--;
        }
        text.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    @Override
    public void close() {
        // nothing held
    }
}
