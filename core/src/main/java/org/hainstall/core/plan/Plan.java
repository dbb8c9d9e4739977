package org.hainstall.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dry run's result: per step, whether it is already as the config asks, or the change it would make with the
 * exact actions (secrets masked by {@link Action#describe}). Built from the run's events by {@link Collector}.
 */
public record Plan(List<PlannedStep> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    public enum Kind {
        /** Already as the config asks. */
        SATISFIED,
        /** Would change: {@code actions} say exactly how. */
        CHANGE,
        /** Cannot be decided before an earlier planned change is applied (e.g. a tool not installed yet). */
        UNDECIDED,
        /** The check itself failed. */
        FAILED,
        /** Not checked: a step it depends on failed, or the dry run was cancelled. */
        NOT_CHECKED
    }

    public record PlannedStep(StepId step, String title, Kind kind, String summary, String description,
                              List<String> actions) {
        public PlannedStep {
            actions = List.copyOf(actions);
        }
    }

    public long count(Kind kind) {
        return steps.stream().filter(s -> s.kind() == kind).count();
    }

    /** The steps of one node (null: the cluster-wide steps), in catalog order. */
    public List<PlannedStep> of(String node) {
        return steps.stream().filter(s -> java.util.Objects.equals(s.step().node(), node)).toList();
    }

    /** Listens to a dry run's events and builds its plan. */
    public static final class Collector implements EventSink {
        private final Map<StepId, Event.ChangePlanned> changes = new ConcurrentHashMap<>();

        @Override
        public void publish(Event event) {
            if (event instanceof Event.ChangePlanned c) {
                changes.put(c.step(), c);
            }
        }

        public Plan plan(List<Step> steps, RunResult result) {
            List<PlannedStep> out = new ArrayList<>();
            for (Step step : steps) {
                StepResult r = result.results().get(step.id());
                Event.ChangePlanned change = changes.get(step.id());
                Kind kind;
                if (change != null) {
                    kind = Kind.CHANGE;
                } else if (r.outcome() == Outcome.OK) {
                    kind = Kind.SATISFIED;
                } else if (r.outcome() == Outcome.FAILED || r.outcome() == Outcome.UNKNOWN) {
                    kind = Kind.FAILED;
                } else if (r.summary().startsWith("undecided")) {
                    kind = Kind.UNDECIDED;
                } else {
                    kind = Kind.NOT_CHECKED;
                }
                out.add(new PlannedStep(step.id(), step.title(), kind, r.summary(),
                        change == null ? null : change.description(), change == null ? List.of() : change.actions()));
            }
            return new Plan(out);
        }
    }
}
