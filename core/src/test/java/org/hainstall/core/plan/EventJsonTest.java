package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hainstall.core.remote.OutputListener;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTest {
    private final EventJson json = new EventJson();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Instant at = Instant.parse("2026-11-26T00:00:00Z");
    private final StepId step = StepId.onNode("packages", "sales-db1");

    @Test
    void everyEventIsOneLineOfJsonNamingItsTypeAndTime() {
        List<Event> events = List.of(
                new Event.RunStarted(at, "r1", RunMode.MODIFY, List.of(step, StepId.cluster("drbd-connect"))),
                new Event.StepStarted(at, step, "Packages"),
                new Event.OutputLine(at, step, OutputListener.Stream.STDERR, "E: dpkg was interrupted"),
                new Event.ChangePlanned(at, step, "install drbd-utils", List.of("run: apt-get install -y drbd-utils")),
                new Event.StepFinished(at, step, Outcome.CHANGED, "installed", Duration.ofMillis(1500)),
                new Event.PromptRequested(at, new Prompt("p1", "sales-db2", "Power on", "power on sales-db2")),
                new Event.PromptAnswered(at, "p1", Prompt.Answer.DONE),
                new Event.Notice(at, null, Event.Notice.Level.WARNING, "stale lock taken over"),
                new Event.RunFinished(at, "r1", true, 1, 0, "1 changed"));
        for (Event event : events) {
            String line = json.line(event);
            assertThat(line).doesNotContain("\n");
            JsonNode node = mapper.readTree(line);
            assertThat(node.get("type").asString()).isEqualTo(event.getClass().getSimpleName());
            assertThat(node.get("at").asString()).isEqualTo("2026-11-26T00:00:00Z");
        }
        JsonNode finished = mapper.readTree(json.line(events.get(4)));
        assertThat(finished.get("step").asString()).isEqualTo("sales-db1/packages");
        assertThat(finished.get("node").asString()).isEqualTo("sales-db1");
        assertThat(finished.get("outcome").asString()).isEqualTo("CHANGED");
        assertThat(finished.get("tookMillis").asLong()).isEqualTo(1500);
    }
}
