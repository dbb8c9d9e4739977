package org.hainstall.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ByHandComparisonTest {
    // provision 0–10 s; packages n1 10–40 s, n2 10–50 s; db2-install n1 40–45 s; ntp n1 45–47 s (n2 never: a resumed
    // run); the run ends at 60 s.
    private static final List<String> EVENTS = """
            {"type":"RunStarted","at":"2026-11-26T10:00:00Z","runId":"r1","mode":"create","steps":[]}
            {"type":"StepFinished","at":"2026-11-26T10:00:10Z","step":"provision","name":"provision","node":null,"outcome":"CHANGED","summary":"","tookMillis":10000}
            {"type":"StepFinished","at":"2026-11-26T10:00:40Z","step":"n1/packages","name":"packages","node":"n1","outcome":"CHANGED","summary":"","tookMillis":30000}
            {"type":"StepFinished","at":"2026-11-26T10:00:45Z","step":"n1/db2-install","name":"db2-install","node":"n1","outcome":"CHANGED","summary":"","tookMillis":5000}
            {"type":"StepFinished","at":"2026-11-26T10:00:47Z","step":"n1/ntp","name":"ntp","node":"n1","outcome":"CHANGED","summary":"","tookMillis":2000}
            {"type":"StepFinished","at":"2026-11-26T10:00:50Z","step":"n2/packages","name":"packages","node":"n2","outcome":"CHANGED","summary":"","tookMillis":40000}
            {"type":"RunFinished","at":"2026-11-26T10:01:00Z","runId":"r1","success":true,"changed":4,"failed":0,"summary":""}
            """.lines().toList();

    private static final List<String> BY_HAND = List.of(
            "phase provision 8.0",
            "lab-db1: packages installed",
            "phase packages 20.0",
            "phase ntp 4.5",
            "phase total 30.0");

    @Test
    void aPhaseSpansItsStepsFromTheFirstStartOnAnyNodeToTheLastEnd() {
        Map<String, ByHandComparison.Row> rows = byPhase(
                ByHandComparison.rows(RunFigures.of(EVENTS), ByHandComparison.parseByHand(BY_HAND)));

        assertThat(rows.get("provision")).isEqualTo(new ByHandComparison.Row("provision", Duration.ofSeconds(10),
                Duration.ofSeconds(8)));
        // packages 10–50 s on n2 and db2-install up to 45 s on n1: 40 s
        assertThat(rows.get("packages").hainstall()).isEqualTo(Duration.ofSeconds(40));
        assertThat(rows.get("packages").ratio()).isEqualTo(2.0);
        assertThat(rows.get("ntp").hainstall()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rows.get("storage").hainstall()).isNull();
        assertThat(rows.get("storage").ratio()).isNull();
    }

    @Test
    void theTotalsCompareTheRunsWallTimeWithTheScriptsTimeAndItsProvisioning() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new ByHandComparison(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .print(RunFigures.of(EVENTS), ByHandComparison.parseByHand(BY_HAND));

        String text = bytes.toString(StandardCharsets.UTF_8);
        // 60 s of run beside 30 s of script + 8 s of provisioning
        assertThat(text.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow())
                .matches("total\\s+60\\.0 s\\s+38\\.0 s\\s+1\\.58");
        assertThat(text.lines().filter(l -> l.startsWith("packages")).findFirst().orElseThrow())
                .matches("packages\\s+40\\.0 s\\s+20\\.0 s\\s+2\\.00");
        assertThat(text.lines().filter(l -> l.startsWith("storage")).findFirst().orElseThrow())
                .matches("storage\\s+-\\s+-\\s+-");
    }

    @Test
    void withoutATotalLineTheScriptsPhasesAreAddedUp() {
        Map<String, Duration> byHand = ByHandComparison.parseByHand(List.of("phase provision 8", "phase ntp 2.5",
                "phase drbd 10"));

        assertThat(ByHandComparison.byHandTotal(byHand)).isEqualTo(Duration.ofMillis(20_500));
    }

    @Test
    void aPhaseLineWithoutSecondsIsAClearError() {
        assertThatThrownBy(() -> ByHandComparison.parseByHand(List.of("phase ntp soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phase ntp soon");
    }

    private static Map<String, ByHandComparison.Row> byPhase(List<ByHandComparison.Row> rows) {
        Map<String, ByHandComparison.Row> m = new java.util.LinkedHashMap<>();
        rows.forEach(r -> m.put(r.phase(), r));
        return m;
    }
}
