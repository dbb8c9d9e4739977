package org.hainstall.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan as text for people and as JSON for tools. Both are stable for golden-file tests: nodes sorted by name,
 * cluster-wide steps last, steps in catalog order, no timestamps or durations.
 */
public final class DryRunReport {
    private final String header;

    /** @param header first line, e.g. "hainstall modify --dry-run: cluster sales-db" */
    public DryRunReport(String header) {
        this.header = header;
    }

    public String text(Plan plan) {
        StringBuilder b = new StringBuilder(header).append("\n");
        for (String node : sections(plan)) {
            b.append("\n").append(node == null ? "cluster-wide" : node).append("\n");
            for (Plan.PlannedStep s : plan.of(node)) {
                b.append("  ").append(mark(s.kind())).append(' ').append(pad(s.step().name(), 22)).append(' ');
                switch (s.kind()) {
                    case SATISFIED -> b.append("ok: ").append(s.summary());
                    case CHANGE -> b.append("change: ").append(s.description());
                    case UNDECIDED -> b.append(s.summary());
                    case FAILED -> b.append("check failed: ").append(s.summary());
                    default -> b.append("not checked: ").append(s.summary());
                }
                b.append("\n");
                for (String action : s.actions()) {
                    // A file's final newline would print as an empty indented line.
                    String shown = action.endsWith("\n") ? action.substring(0, action.length() - 1) : action;
                    b.append("      ").append(shown.replace("\n", "\n        ")).append("\n");
                }
            }
        }
        b.append("\n").append(summary(plan)).append("\n");
        return b.toString();
    }

    public String json(Plan plan) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("header", header);
        ArrayNode sections = root.putArray("sections");
        for (String node : sections(plan)) {
            ObjectNode section = sections.addObject();
            section.put("node", node);
            ArrayNode steps = section.putArray("steps");
            for (Plan.PlannedStep s : plan.of(node)) {
                ObjectNode o = steps.addObject();
                o.put("step", s.step().name());
                o.put("title", s.title());
                o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
                o.put("summary", s.summary());
                if (s.description() != null) {
                    o.put("change", s.description());
                }
                ArrayNode actions = o.putArray("actions");
                s.actions().forEach(actions::add);
            }
        }
        ObjectNode counts = root.putObject("counts");
        for (Plan.Kind kind : Plan.Kind.values()) {
            counts.put(kind.name().toLowerCase(Locale.ROOT), plan.count(kind));
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static List<String> sections(Plan plan) {
        List<String> out = new ArrayList<>(new java.util.TreeSet<>(plan.steps().stream()
                .map(s -> s.step().node()).filter(java.util.Objects::nonNull).toList()));
        if (plan.steps().stream().anyMatch(s -> s.step().clusterWide())) {
            out.add(null);
        }
        return out;
    }

    private static String summary(Plan plan) {
        List<String> perSection = new ArrayList<>();
        for (String node : sections(plan)) {
            long n = plan.of(node).stream().filter(s -> s.kind() == Plan.Kind.CHANGE).count();
            perSection.add((node == null ? "cluster-wide" : node) + ": " + n);
        }
        return "Summary: " + plan.count(Plan.Kind.CHANGE) + " change(s) (" + String.join(", ", perSection) + "); "
                + plan.count(Plan.Kind.SATISFIED) + " already as the config asks; "
                + plan.count(Plan.Kind.UNDECIDED) + " undecided until earlier changes are applied; "
                + plan.count(Plan.Kind.FAILED) + " check(s) failed; "
                + plan.count(Plan.Kind.NOT_CHECKED) + " not checked.";
    }

    private static char mark(Plan.Kind kind) {
        return switch (kind) {
            case SATISFIED -> '=';
            case CHANGE -> '+';
            case UNDECIDED -> '?';
            case FAILED -> '!';
            case NOT_CHECKED -> '-';
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
