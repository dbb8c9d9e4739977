package org.hainstall.core.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code journal.json} of one run: per step "started" or "finished" with its outcome, and the run's state. The
 * whole file is rewritten atomically (temp file, fsync, rename) on every record, so a killed installer leaves
 * either the previous record or the new one — and the next run knows which step was running (FAULTS 29).
 *
 * <p>Resuming: steps the resumed run finished OK or CHANGED are carried into the new journal and not redone;
 * the step that was running (started, never finished), and every step that failed, ended unknown or was not
 * started, runs again — check first, so an interrupted change is re-checked before anything is applied.
 */
public final class JournalFile implements RunJournal {
    public static final String NAME = "journal.json";

    /** A run's state as the journal last recorded it. */
    public enum RunState { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** What a journal file says. */
    public record Snapshot(String runId, RunMode mode, String configDigest, RunState state,
                           Map<StepId, StepRecord> steps) {
        public boolean succeeded() {
            return state == RunState.SUCCEEDED;
        }

        /** Steps finished OK or CHANGED, with the run that did them. */
        public Map<StepId, String> finishedSteps() {
            Map<StepId, String> out = new LinkedHashMap<>();
            steps.forEach((id, r) -> {
                if (r.finished() && (r.outcome() == Outcome.OK || r.outcome() == Outcome.CHANGED)) {
                    out.put(id, r.doneInRun() != null ? r.doneInRun() : runId);
                }
            });
            return out;
        }
    }

    /** One step's line in the journal. {@code doneInRun} is set when an earlier run did it. */
    public record StepRecord(boolean finished, Outcome outcome, String summary, String doneInRun) { }

    private final Path file;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Map<StepId, String> finishedEarlier;
    private final ObjectNode root;
    private final ObjectNode steps;

    /**
     * Starts the journal of a new run.
     *
     * @param resumed the unfinished run this one resumes, if any
     */
    public JournalFile(Path file, String runId, RunMode mode, String configDigest, Optional<Snapshot> resumed,
                       Clock clock) {
        this.file = file;
        this.clock = clock;
        this.finishedEarlier = resumed.map(Snapshot::finishedSteps).orElse(Map.of());
        this.root = mapper.createObjectNode();
        root.put("runId", runId);
        root.put("mode", mode.word());
        root.put("configDigest", configDigest);
        root.put("resumedFrom", resumed.map(Snapshot::runId).orElse(null));
        root.put("state", RunState.RUNNING.name());
        root.put("startedAt", clock.instant().toString());
        this.steps = root.putObject("steps");
        // Carried steps are written with the journal's first record: a crash right after the start must not
        // lose what the resumed run had finished.
        finishedEarlier.forEach((step, fromRun) -> {
            ObjectNode s = record(step);
            s.put("state", "finished");
            s.put("outcome", Outcome.OK.name());
            s.put("summary", "finished in run " + fromRun);
            s.put("doneInRun", fromRun);
        });
        save();
    }

    @Override
    public Map<StepId, String> finishedEarlier() {
        return Collections.unmodifiableMap(finishedEarlier);
    }

    @Override
    public synchronized void carried(StepId step, String fromRunId) {
        ObjectNode s = record(step);
        s.put("state", "finished");
        s.put("outcome", Outcome.OK.name());
        s.put("summary", "finished in run " + fromRunId);
        s.put("doneInRun", fromRunId);
        save();
    }

    @Override
    public synchronized void stepStarted(StepId step) {
        ObjectNode s = record(step);
        s.put("state", "started");
        s.put("startedAt", clock.instant().toString());
        save();
    }

    @Override
    public synchronized void stepFinished(StepId step, Outcome outcome, String summary) {
        ObjectNode s = record(step);
        s.put("state", "finished");
        s.put("outcome", outcome.name());
        s.put("summary", summary);
        s.put("finishedAt", clock.instant().toString());
        save();
    }

    @Override
    public synchronized void runFinished(RunResult result) {
        RunState state = result.cancelled() ? RunState.CANCELLED
                : result.success() ? RunState.SUCCEEDED : RunState.FAILED;
        root.put("state", state.name());
        root.put("finishedAt", clock.instant().toString());
        root.put("summary", RunSummary.of(result));
        save();
    }

    private ObjectNode record(StepId step) {
        JsonNode existing = steps.get(step.toString());
        if (existing instanceof ObjectNode o) {
            return o;
        }
        ObjectNode o = steps.putObject(step.toString());
        o.put("name", step.name());
        o.put("node", step.node());
        return o;
    }

    private void save() {
        try {
            PrivateFiles.writeAtomically(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            // Without a journal a crash could not be resumed safely: stop the run rather than go on blind.
            throw new UncheckedIOException("cannot write the run's journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a journal; empty when there is none or it cannot be parsed (then nothing is resumed from it). */
    public static Optional<Snapshot> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
            Map<StepId, StepRecord> steps = new LinkedHashMap<>();
            JsonNode s = root.path("steps");
            for (String key : s.propertyNames()) {
                JsonNode r = s.get(key);
                String node = r.path("node").isNull() || r.path("node").isMissingNode() ? null
                        : r.path("node").asString();
                StepId id = new StepId(r.path("name").asString(), node);
                boolean finished = "finished".equals(r.path("state").asString());
                Outcome outcome = r.hasNonNull("outcome") ? Outcome.valueOf(r.get("outcome").asString()) : null;
                steps.put(id, new StepRecord(finished, outcome, r.path("summary").asString(null),
                        r.hasNonNull("doneInRun") ? r.get("doneInRun").asString() : null));
            }
            // A journal whose mode is no word of RunMode is unreadable, like any other damaged journal.
            return Optional.of(new Snapshot(root.path("runId").asString(), RunMode.ofWord(root.path("mode").asString())
                    .orElseThrow(() -> new IllegalArgumentException("unknown mode")),
                    root.path("configDigest").asString(), RunState.valueOf(root.path("state").asString()),
                    steps));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
