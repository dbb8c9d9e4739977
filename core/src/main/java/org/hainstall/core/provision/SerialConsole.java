package org.hainstall.core.provision;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads node-prep's lines from the end of a machine's serial console log. */
final class SerialConsole {
    /** A console prints far more than node-prep (the kernel, systemd, cloud-init): the tail holds what matters. */
    static final int TAIL_BYTES = 64 * 1024;

    private SerialConsole() {
    }

    /** node-prep's lines in the last {@value #TAIL_BYTES} bytes, each as node-prep printed it; empty if unreadable. */
    static List<String> nodePrepLines(Path log) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(tail);
            return nodePrepLines(new String(tail, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** node-prep's own line, its timestamp included, after whatever the console put before it. */
    private static final Pattern LINE = Pattern.compile("(?:\\d{4}-\\d\\d-\\d\\dT\\S+Z )?node-prep: .*");

    static List<String> nodePrepLines(String console) {
        return console.lines()
                .map(l -> l.replaceAll("[^\\x20-\\x7e]", ""))
                .map(LINE::matcher)
                .filter(Matcher::find)
                .map(Matcher::group)
                .toList();
    }
}
