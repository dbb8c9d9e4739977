package org.hainstall.core.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a run's figures ({@link RunFigures}) as plain text: {@code ./bench --run-folder <state>/runs/<id>}.
 */
public final class RunFiguresReport {
    private final PrintStream out;

    public RunFiguresReport(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: RunFiguresReport <state folder>/runs/<run id>");
            System.exit(2);
        }
        new RunFiguresReport(System.out).print(RunFigures.read(Path.of(args[0])));
    }

    public void print(RunFigures f) {
        out.println("run " + (f.runId() == null ? "?" : f.runId()));
        out.println("wall time            " + seconds(f.wall()));
        out.println("cluster-wide steps   " + seconds(f.clusterWide()));
        for (Map.Entry<String, Duration> node : f.nodeBusy().entrySet()) {
            String remote = f.remoteCommands().get(node.getKey());
            out.println(pad("node " + node.getKey(), 21) + seconds(node.getValue()) + " busy"
                    + (remote == null ? "" : "; " + remote));
        }
        out.println("parallelism          " + String.format(Locale.ROOT, "%.2f", f.parallelism())
                + "  (wall time / longest node's busy time)");
        out.println();
        List<String> columns = new ArrayList<>(f.nodeBusy().keySet());
        if (!f.clusterWide().isZero() || f.stepTimes().values().stream().anyMatch(m -> m.containsKey(RunFigures.CLUSTER))) {
            columns.add(0, RunFigures.CLUSTER);
        }
        StringBuilder header = new StringBuilder(pad("step", 24));
        columns.forEach(c -> header.append(lpad(c, 12)));
        out.println(header);
        for (Map.Entry<String, Map<String, Duration>> step : f.stepTimes().entrySet()) {
            StringBuilder row = new StringBuilder(pad(step.getKey(), 24));
            for (String c : columns) {
                Duration d = step.getValue().get(c);
                row.append(lpad(d == null ? "-" : seconds(d), 12));
            }
            out.println(row);
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String lpad(String s, int width) {
        return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
    }
}
