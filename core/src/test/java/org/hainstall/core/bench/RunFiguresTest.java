package org.hainstall.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFiguresTest {
    // A hand-written run: provision (cluster, 5 s), then n1 and n2 side by side, then wait-sync (cluster, 1 s).
    private static final String EVENTS = """
            {"type":"RunStarted","at":"2026-11-26T10:00:00Z","runId":"r1","mode":"create","steps":["provision","n1/packages","n2/packages","n1/drbd","n2/drbd","wait-sync"]}
            {"type":"StepStarted","at":"2026-11-26T10:00:00.010Z","step":"provision","name":"provision","node":null,"title":"Provision"}
            {"type":"StepFinished","at":"2026-11-26T10:00:05Z","step":"provision","name":"provision","node":null,"outcome":"CHANGED","summary":"cloned","tookMillis":5000}
            {"type":"OutputLine","at":"2026-11-26T10:00:06Z","step":"n1/packages","name":"packages","node":"n1","stream":"stdout","line":"Setting up drbd-utils"}
            {"type":"StepFinished","at":"2026-11-26T10:00:08Z","step":"n1/packages","name":"packages","node":"n1","outcome":"CHANGED","summary":"installed","tookMillis":3000}
            {"type":"StepFinished","at":"2026-11-26T10:00:09Z","step":"n2/packages","name":"packages","node":"n2","outcome":"CHANGED","summary":"installed","tookMillis":4000}
            {"type":"Notice","at":"2026-11-26T10:00:09.500Z","node":"n1","level":"WARNING","message":"took over a stale lock"}
            {"type":"StepFinished","at":"2026-11-26T10:00:10Z","step":"n1/drbd","name":"drbd","node":"n1","outcome":"OK","summary":"up","tookMillis":2000}
            {"type":"StepFinished","at":"2026-11-26T10:00:10.500Z","step":"n2/drbd","name":"drbd","node":"n2","outcome":"OK","summary":"up","tookMillis":2500}
            {"type":"StepFinished","at":"2026-11-26T10:00:11.500Z","step":"wait-sync","name":"wait-sync","node":null,"outcome":"OK","summary":"in sync","tookMillis":1000}
            {"type":"Notice","at":"2026-11-26T10:00:11.900Z","node":null,"level":"INFO","message":"resuming run r0"}
            {"type":"Notice","at":"2026-11-26T10:00:11.900Z","node":"n1","level":"INFO","message":"12 remote commands in 2.5 s"}
            {"type":"Notice","at":"2026-11-26T10:00:11.900Z","node":"n2","level":"INFO","message":"9 remote commands in 1.8 s"}
            {"type":"RunFinished","at":"2026-11-26T10:00:12Z","runId":"r1","success":true,"changed":3,"failed":0,"summary":"3 changed"}
            """;

    @TempDir
    Path dir;

    @Test
    void computesWallTimeBusyTimePerNodeClusterTimeAndParallelismFromARunFolder() throws IOException {
        Files.writeString(dir.resolve("events.jsonl"), EVENTS);

        RunFigures f = RunFigures.read(dir);

        assertThat(f.runId()).isEqualTo("r1");
        assertThat(f.wall()).isEqualTo(Duration.ofSeconds(12));
        assertThat(f.nodeBusy()).containsExactly(Map.entry("n1", Duration.ofMillis(5000)),
                Map.entry("n2", Duration.ofMillis(6500)));
        assertThat(f.clusterWide()).isEqualTo(Duration.ofSeconds(6));
        assertThat(f.parallelism()).isCloseTo(12.0 / 6.5, within(1e-9));
        assertThat(f.remoteCommands()).containsExactly(Map.entry("n1", "12 remote commands in 2.5 s"),
                Map.entry("n2", "9 remote commands in 1.8 s"));
        assertThat(f.stepTimes().keySet()).containsExactly("provision", "packages", "drbd", "wait-sync");
        assertThat(f.stepTimes().get("drbd")).containsExactly(Map.entry("n1", Duration.ofMillis(2000)),
                Map.entry("n2", Duration.ofMillis(2500)));
        assertThat(f.stepTimes().get("provision")).containsExactly(Map.entry(RunFigures.CLUSTER, Duration.ofSeconds(5)));
    }

    @Test
    void aRunThatNeverFinishedIsMeasuredToItsLastEvent() {
        List<String> killed = EVENTS.lines().filter(l -> !l.contains("\"RunFinished\"")).toList();

        assertThat(RunFigures.of(killed).wall()).isEqualTo(Duration.ofMillis(11_900));
    }

    @Test
    void printsTheFiguresAndOneRowPerStepWithEachNodesTime() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new RunFiguresReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(RunFigures.of(EVENTS.lines().toList()));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("wall time            12.0 s")
                .contains("cluster-wide steps   6.0 s")
                .contains("node n1              5.0 s busy; 12 remote commands in 2.5 s")
                .contains("node n2              6.5 s busy; 9 remote commands in 1.8 s")
                .contains("parallelism          1.85");
        assertThat(text.lines().filter(l -> l.startsWith("drbd ")).findFirst().orElseThrow())
                .matches("drbd\\s+-\\s+2\\.0 s\\s+2\\.5 s");
    }

    @Test
    void aFolderWithoutEventsIsAClearError() {
        assertThatThrownBy(() -> RunFigures.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("no events.jsonl in " + dir);
    }
}
