package org.hainstall.core.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code hainstall create} beside the same work done by a plain script over ssh (lab/by-hand/cluster-by-hand.sh),
 * phase by phase: the ratio is hainstall's orchestration overhead. Not part of the product: the report of
 * {@code lab/bench-by-hand.sh}.
 *
 * <p>A hainstall phase lasts from the first start of any of its steps on any node to the last finish: the dependency
 * graph lets one node's phase overlap the other node's next one, so the phases' lengths may add up to more than the
 * run's wall time. The totals compare the run's wall time with the script's (its provisioning included).
 */
public final class ByHandComparison {
    /** The plain script's phases, in its order, and the hainstall steps doing the same work. */
    static final Map<String, List<String>> PHASES = phases();

    private static Map<String, List<String>> phases() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("provision", List.of("provision"));
        m.put("packages", List.of("packages", "db2-install"));
        m.put("ntp", List.of("ntp"));
        m.put("storage", List.of("storage-preflight", "disks", "lvm", "filesystems"));
        m.put("drbd", List.of("drbd-config", "drbd-metadata", "drbd-up", "drbd-initial-primary",
                "filesystems-on-drbd"));
        m.put("db2", List.of("db2-users", "db2-instance", "db2-move", "databases", "backup"));
        m.put("heartbeat", List.of("heartbeat-config", "heartbeat-start"));
        m.put("sync", List.of("wait-sync"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** One phase: hainstall's span (null when none of its steps ran) beside the script's time (null: not timed). */
    public record Row(String phase, Duration hainstall, Duration byHand) {
        Double ratio() {
            return hainstall == null || byHand == null || byHand.isZero() ? null
                    : (double) hainstall.toMillis() / byHand.toMillis();
        }
    }

    private final PrintStream out;

    public ByHandComparison(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ByHandComparison <hainstall create's run folder> <by-hand phase times file>");
            System.exit(2);
        }
        new ByHandComparison(System.out).print(RunFigures.read(Path.of(args[0])),
                parseByHand(Files.readAllLines(Path.of(args[1]))));
    }

    /** "phase NAME SECONDS" lines (the script's stdout); other lines are ignored. */
    public static Map<String, Duration> parseByHand(List<String> lines) {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3 && f[0].equals("phase")) {
                try {
                    out.merge(f[1], Duration.ofMillis(Math.round(Double.parseDouble(f[2]) * 1000)), Duration::plus);
                } catch (NumberFormatException notATime) {
                    throw new IllegalArgumentException("not a phase time in seconds: " + line, notATime);
                }
            }
        }
        return out;
    }

    public static List<Row> rows(RunFigures run, Map<String, Duration> byHand) {
        return PHASES.entrySet().stream().map(p -> new Row(p.getKey(), span(run, p.getValue()),
                byHand.get(p.getKey()))).toList();
    }

    static Duration span(RunFigures run, List<String> steps) {
        Instant start = null;
        Instant end = null;
        for (String step : steps) {
            RunFigures.Span s = run.stepSpans().get(step);
            if (s != null) {
                start = start == null || s.start().isBefore(start) ? s.start() : start;
                end = end == null || s.end().isAfter(end) ? s.end() : end;
            }
        }
        return start == null ? null : Duration.between(start, end);
    }

    /** The script's whole time: its own "total" plus the provisioning timed around it. */
    static Duration byHandTotal(Map<String, Duration> byHand) {
        Duration total = byHand.get("total");
        if (total == null) {
            total = byHand.entrySet().stream().filter(e -> !e.getKey().equals("provision"))
                    .map(Map.Entry::getValue).reduce(Duration.ZERO, Duration::plus);
        }
        return total.plus(byHand.getOrDefault("provision", Duration.ZERO));
    }

    public void print(RunFigures run, Map<String, Duration> byHand) {
        out.println("hainstall create (run " + (run.runId() == null ? "?" : run.runId())
                + ") beside the plain script over ssh");
        out.println(String.format(Locale.ROOT, "%-12s %12s %12s %8s", "phase", "hainstall", "by hand", "ratio"));
        for (Row r : rows(run, byHand)) {
            Double ratio = r.ratio();
            out.println(String.format(Locale.ROOT, "%-12s %12s %12s %8s", r.phase(), seconds(r.hainstall()),
                    seconds(r.byHand()), ratio == null ? "-" : String.format(Locale.ROOT, "%.2f", ratio)));
        }
        Duration total = byHandTotal(byHand);
        out.println(String.format(Locale.ROOT, "%-12s %12s %12s %8s", "total", seconds(run.wall()), seconds(total),
                total.isZero() ? "-" : String.format(Locale.ROOT, "%.2f", (double) run.wall().toMillis() / total.toMillis())));
        out.println("(a hainstall phase runs from its first step's start to its last step's end on either node; the"
                + " nodes' phases overlap, so they may add up to more than the total)");
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : RunFiguresReport.seconds(d);
    }
}
