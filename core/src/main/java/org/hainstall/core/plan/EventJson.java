package org.hainstall.core.plan;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One event as one JSON object: the line format of {@code events.jsonl}. */
public final class EventJson {
    private final JsonMapper mapper = JsonMapper.builder().build();

    public String line(Event event) {
        return mapper.writeValueAsString(toJson(event));
    }

    public ObjectNode toJson(Event event) {
        ObjectNode o = mapper.createObjectNode();
        o.put("type", event.getClass().getSimpleName());
        o.put("at", event.at().toString());
        if (event instanceof Event.RunStarted e) {
            o.put("runId", e.runId());
            o.put("mode", e.mode().word());
            ArrayNode steps = o.putArray("steps");
            e.steps().forEach(s -> steps.add(s.toString()));
        } else if (event instanceof Event.StepStarted e) {
            step(o, e.step());
            o.put("title", e.title());
        } else if (event instanceof Event.OutputLine e) {
            step(o, e.step());
            o.put("stream", e.stream().name().toLowerCase(java.util.Locale.ROOT));
            o.put("line", e.line());
        } else if (event instanceof Event.ChangePlanned e) {
            step(o, e.step());
            o.put("description", e.description());
            ArrayNode actions = o.putArray("actions");
            e.actions().forEach(actions::add);
        } else if (event instanceof Event.StepFinished e) {
            step(o, e.step());
            o.put("outcome", e.outcome().name());
            o.put("summary", e.summary());
            o.put("tookMillis", e.took().toMillis());
            if (e.failure() != null) {
                o.put("code", e.failure().code().name());
                o.put("cause", e.failure().cause());
                o.put("remedy", e.failure().remedy());
            }
        } else if (event instanceof Event.PromptRequested e) {
            o.put("promptId", e.prompt().id());
            o.put("node", e.prompt().node());
            o.put("title", e.prompt().title());
            o.put("message", e.prompt().message());
        } else if (event instanceof Event.PromptAnswered e) {
            o.put("promptId", e.promptId());
            o.put("answer", e.answer().name());
        } else if (event instanceof Event.RunFinished e) {
            o.put("runId", e.runId());
            o.put("success", e.success());
            o.put("changed", e.changed());
            o.put("failed", e.failed());
            o.put("summary", e.summary());
        } else if (event instanceof Event.Notice e) {
            o.put("node", e.node());
            o.put("level", e.level().name());
            o.put("message", e.message());
        }
        return o;
    }

    private static void step(ObjectNode o, StepId id) {
        o.put("step", id.toString());
        o.put("name", id.name());
        o.put("node", id.node());
    }
}
