package org.hainstall.core.plan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * One run's folder: {@code events.jsonl} (every event, one JSON object a line), {@code <node>.log} per node and
 * {@code cluster.log} for cluster-wide steps (people's reading), and {@code journal.json}. Files are 0600.
 * As an {@link EventSink} it writes each event it receives; put it behind the runner's {@link Redactor}.
 */
public final class RunFolder implements EventSink, AutoCloseable {
    public static final String EVENTS = "events.jsonl";
    public static final String CLUSTER_LOG = "cluster.log";

    private final String runId;
    private final Path dir;
    private final EventJson json = new EventJson();
    private final Map<String, BufferedWriter> logs = new HashMap<>();
    private BufferedWriter events;

    RunFolder(String runId, Path dir) {
        this.runId = runId;
        this.dir = dir;
    }

    public String runId() {
        return runId;
    }

    public Path dir() {
        return dir;
    }

    public Path journal() {
        return dir.resolve(JournalFile.NAME);
    }

    @Override
    public synchronized void publish(Event event) {
        try {
            if (events == null) {
                events = open(EVENTS);
            }
            events.write(json.line(event));
            events.write('\n');
            events.flush();
            String text = LogLines.format(event);
            if (text != null) {
                String node = LogLines.node(event);
                if (node == null) {
                    for (String each : nodesOf(event)) {
                        log(each, text);
                    }
                } else {
                    log(node, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the run folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Run-wide events go to every log opened so far, and to cluster.log. */
    private Iterable<String> nodesOf(Event event) {
        java.util.Set<String> all = new java.util.TreeSet<>(logs.keySet());
        all.add("");
        if (event instanceof Event.RunStarted started) {
            started.steps().stream().filter(s -> !s.clusterWide()).forEach(s -> all.add(s.node()));
        }
        return all;
    }

    private void log(String node, String text) throws IOException {
        BufferedWriter w = logs.get(node);
        if (w == null) {
            w = open(node.isEmpty() ? CLUSTER_LOG : node + ".log");
            logs.put(node, w);
        }
        w.write(text);
        w.write('\n');
        w.flush();
    }

    private BufferedWriter open(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            PrivateFiles.createFile(file);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() {
        try {
            if (events != null) {
                events.close();
            }
            for (BufferedWriter w : logs.values()) {
                w.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
