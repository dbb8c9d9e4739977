package org.hainstall.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The command line's streams, injected so that tests can give their own. One reader for stdin: the start
 * confirmation and the admin's prompts share it.
 */
class Terminal {
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;

    Terminal(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static Terminal system() {
        return new Terminal(System.out, System.err, System.in);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** One line from stdin; null at its end (no terminal, or stdin closed). */
    synchronized String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
