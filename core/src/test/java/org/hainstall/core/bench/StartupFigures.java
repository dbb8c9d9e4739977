package org.hainstall.core.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Summarises the wizard's startup reports (one key=value file per start, written by the ui's StartupReport hook):
 * time from JVM start to the first window and heap used after a GC, min/median/max. Used by {@code ./bench --wizard}.
 */
public final class StartupFigures {

    /** min, median (the lower middle for an even count) and max of some numbers. */
    public record Spread(long min, long median, long max) {
        static Spread of(List<Long> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no values");
            }
            List<Long> sorted = values.stream().sorted().toList();
            return new Spread(sorted.get(0), sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1));
        }
    }

    private final List<Long> startMillis = new ArrayList<>();
    private final List<Long> heapBytes = new ArrayList<>();

    public void add(Path report) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(report)) {
            p.load(r);
        }
        startMillis.add(number(p, "startToWindowMillis", report));
        heapBytes.add(number(p, "heapUsedBytes", report));
    }

    private static long number(Properties p, String key, Path report) throws IOException {
        String v = p.getProperty(key);
        try {
            return Long.parseLong(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw new IOException(report + ": " + key + " is missing or not a number: " + v, e);
        }
    }

    public Spread startToWindowMillis() {
        return Spread.of(startMillis);
    }

    public Spread heapUsedBytes() {
        return Spread.of(heapBytes);
    }

    public void print(PrintStream out) {
        Spread t = startToWindowMillis();
        Spread h = heapUsedBytes();
        out.printf(Locale.ROOT, "wizard starts: %d%n", startMillis.size());
        out.printf(Locale.ROOT, "JVM start to first window   min %6d ms   median %6d ms   max %6d ms%n",
                t.min(), t.median(), t.max());
        out.printf(Locale.ROOT, "heap used after start (GC)  min %6.1f MiB  median %6.1f MiB  max %6.1f MiB%n",
                mib(h.min()), mib(h.median()), mib(h.max()));
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    public static void main(String[] args) throws IOException {
        StartupFigures figures = new StartupFigures();
        for (String file : args) {
            figures.add(Path.of(file));
        }
        figures.print(System.out);
    }
}
