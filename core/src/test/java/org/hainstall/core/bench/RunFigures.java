package org.hainstall.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one finished run, read from its {@code events.jsonl}: wall time, each node's busy time (the sum
 * of its steps' durations), the cluster-wide steps' time, each step's time per node, and the remote-command notice
 * a node got at the end of an applying run. Not part of the product: a benchmark aid ({@code ./bench --run-folder}).
 *
 * @param wall          first event (RunStarted) to RunFinished, or to the last event when the run did not finish
 * @param nodeBusy      per node, by name
 * @param clusterWide   the sum of the cluster-wide steps' durations
 * @param remoteCommands per node, the notice's text, e.g. "73 remote commands in 12.4 s"
 * @param stepTimes     step name → node ({@link #CLUSTER} for cluster-wide steps) → time, names in run order
 * @param stepSpans     step name → from its first start on any node to its last finish, names in run order
 */
public record RunFigures(String runId, Duration wall, Map<String, Duration> nodeBusy, Duration clusterWide,
                         Map<String, String> remoteCommands, Map<String, Map<String, Duration>> stepTimes,
                         Map<String, Span> stepSpans) {
    public static final String CLUSTER = "(cluster)";

    /** When a step (on all its nodes together) began and ended. */
    public record Span(Instant start, Instant end) {
        Span union(Span other) {
            return new Span(start.isBefore(other.start) ? start : other.start, end.isAfter(other.end) ? end : other.end);
        }

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /** Wall time over the longest single node's busy time: 1 means the nodes' work did not overlap at all. */
    public double parallelism() {
        Duration longest = nodeBusy.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return longest.isZero() ? Double.NaN : (double) wall.toMillis() / longest.toMillis();
    }

    public static RunFigures read(Path runFolder) throws IOException {
        Path events = Files.isDirectory(runFolder) ? runFolder.resolve("events.jsonl") : runFolder;
        if (!Files.isRegularFile(events)) {
            throw new IOException("no events.jsonl in " + runFolder + " (give a run folder: <state>/runs/<id>/)");
        }
        return of(Files.readAllLines(events));
    }

    public static RunFigures of(List<String> lines) {
        JsonMapper mapper = JsonMapper.builder().build();
        String runId = null;
        Instant first = null;
        Instant last = null;
        Instant finished = null;
        Map<String, Duration> busy = new TreeMap<>();
        Duration cluster = Duration.ZERO;
        Map<String, String> remote = new TreeMap<>();
        Map<String, Map<String, Duration>> steps = new LinkedHashMap<>();
        Map<String, Span> spans = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode e;
            try {
                e = mapper.readTree(line);
            } catch (RuntimeException bad) {
                problems.add("line " + n + ": not JSON");
                continue;
            }
            String type = text(e, "type");
            Instant at = Instant.parse(text(e, "at"));
            first = first == null ? at : first;
            last = at;
            if ("RunStarted".equals(type)) {
                runId = text(e, "runId");
                first = at;
            } else if ("RunFinished".equals(type)) {
                finished = at;
            } else if ("StepFinished".equals(type)) {
                Duration took = Duration.ofMillis(e.get("tookMillis").asLong());
                String node = text(e, "node");
                if (node == null) {
                    cluster = cluster.plus(took);
                } else {
                    busy.merge(node, took, Duration::plus);
                }
                steps.computeIfAbsent(text(e, "name"), k -> new LinkedHashMap<>())
                        .merge(node == null ? CLUSTER : node, took, Duration::plus);
                spans.merge(text(e, "name"), new Span(at.minus(took), at), Span::union);
            } else if ("Notice".equals(type) && text(e, "node") != null
                    && text(e, "message").contains("remote command")) {
                remote.put(text(e, "node"), text(e, "message"));
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("no events" + (problems.isEmpty() ? "" : ": " + problems));
        }
        Instant end = finished != null ? finished : last;
        return new RunFigures(runId, Duration.between(first, end), busy, cluster, remote, steps, spans);
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
