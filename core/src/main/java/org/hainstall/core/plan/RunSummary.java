package org.hainstall.core.plan;

import java.util.ArrayList;
import java.util.List;

/** One paragraph for people: counts, then what changed, what failed. */
public final class RunSummary {
    private RunSummary() {
    }

    public static String of(RunResult result) {
        List<String> parts = new ArrayList<>();
        if (result.mode() == RunEffect.DRY_RUN) {
            long changes = result.results().values().stream()
                    .filter(r -> r.summary() != null && r.summary().startsWith("dry run: would ")).count();
            parts.add("dry run: " + changes + " step(s) would change");
        } else {
            parts.add(result.changed().size() + " changed");
        }
        long carried = result.results().values().stream().filter(r -> r.outcome() == Outcome.OK
                && r.summary() != null && r.summary().startsWith(Runner.CARRIED)).count();
        parts.add((result.withOutcome(Outcome.OK).size() - carried) + " already as the config asks");
        if (carried > 0) {
            parts.add(carried + " finished in the resumed run (not redone)");
        }
        int failed = result.withOutcome(Outcome.FAILED).size();
        int unknown = result.withOutcome(Outcome.UNKNOWN).size();
        int skipped = result.withOutcome(Outcome.SKIPPED).size();
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        if (unknown > 0) {
            parts.add(unknown + " unknown");
        }
        if (skipped > 0 && result.mode() == RunEffect.APPLY) {
            parts.add(skipped + " not started");
        }
        StringBuilder text = new StringBuilder(String.join(", ", parts));
        if (result.cancelled()) {
            text.append(". Cancelled at a step boundary");
        }
        if (result.mode() == RunEffect.APPLY) {
            text.append(". Changed: ").append(result.changed().isEmpty() ? "nothing" : join(result.changed()));
        }
        if (failed > 0) {
            text.append(". Failed: ").append(join(result.withOutcome(Outcome.FAILED)));
        }
        if (unknown > 0) {
            text.append(". Unknown (re-checked next run): ").append(join(result.withOutcome(Outcome.UNKNOWN)));
        }
        return text.toString();
    }

    private static String join(List<StepId> ids) {
        return String.join(", ", ids.stream().map(StepId::toString).toList());
    }
}
