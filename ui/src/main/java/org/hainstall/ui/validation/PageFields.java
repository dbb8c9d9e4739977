package org.hainstall.ui.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.hainstall.core.config.Problem;

/**
 * The fields of one wizard page: each input with its config path, its label as the form shows it, its help text
 * and the line under it where its problem is written; and the groups (a list of nodes, of resources) whose
 * problems have no single field. It only shows what core's validator found, worded by {@link ProblemWording}.
 * It also remembers which inputs the admin has visited, so that a value still to fill in is reported only once
 * its field was touched.
 */
public final class PageFields {
    private record Field(Node input, Supplier<String> path, Supplier<String> label, Label message, String help) { }

    private record Group(Supplier<String> path, Supplier<String> label, Label message) { }

    private final Map<Node, Field> fields = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private final Set<Node> touched = new HashSet<>();
    private final ReadOnlyLongWrapper touchedRevision = new ReadOnlyLongWrapper(this, "touchedRevision");
    private ProblemWording wording = new ProblemWording(this::labelFor);

    /**
     * {@code path} and {@code label} are asked each time, because a list row's path and number change when a row
     * above it goes. {@code message} is the reserved line under the input; {@code help} its own tooltip text.
     */
    public void register(Node input, Supplier<String> path, Supplier<String> label, Label message, String help) {
        fields.put(input, new Field(input, path, label, message, help));
        input.focusedProperty().addListener((o, was, now) -> {
            if (was && !now && touched.add(input)) {
                touchedRevision.set(touchedRevision.get() + 1);
            }
        });
        showOn(fields.get(input), List.of());
    }

    /** A list or a row: problems on exactly its path are written to {@code message} (null: labels only). */
    public void registerGroup(Supplier<String> path, Supplier<String> label, Label message) {
        groups.add(new Group(path, label, message));
    }

    public void unregister(Node input) {
        fields.remove(input);
        touched.remove(input);
    }

    public void unregisterGroup(Supplier<String> path) {
        groups.removeIf(g -> g.path() == path);
    }

    /** Moves on each time the admin leaves a field for the first time. */
    public ReadOnlyLongProperty touchedRevisionProperty() {
        return touchedRevision.getReadOnlyProperty();
    }

    /** Marks every field of the page as visited (Next was pressed on it). */
    public void touchAll() {
        if (touched.addAll(fields.keySet())) {
            touchedRevision.set(touchedRevision.get() + 1);
        }
    }

    /** Whether the admin has visited a field that {@code problemPath} is about. */
    public boolean isTouched(String problemPath) {
        for (Field f : fields.values()) {
            if (touched.contains(f.input()) && shows(f.path().get(), problemPath)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets which fields were visited (a new config). */
    public void forgetTouched() {
        if (!touched.isEmpty()) {
            touched.clear();
            touchedRevision.set(touchedRevision.get() + 1);
        }
    }

    /**
     * Writes {@code visible} (the problems to show now, of the whole config) under this page's fields, in
     * {@code words} (which name paths as the whole wizard does).
     */
    public void show(List<Problem> visible, ProblemWording words) {
        wording = words;
        for (Field f : fields.values()) {
            String fieldPath = f.path().get();
            showOn(f, visible.stream().filter(p -> shows(fieldPath, p.path())).toList());
        }
        for (Group g : groups) {
            if (g.message() != null) {
                String groupPath = g.path().get();
                Optional<Problem> first = first(visible.stream().filter(p -> p.path().equals(groupPath)).toList());
                g.message().setText(first.map(wording::sentence).orElse(""));
                mark(g.message(), first);
            }
        }
    }

    /** The input a problem is about: its own path, a list element of it, or the section it lies in. */
    public Optional<Node> inputFor(String problemPath) {
        for (Field f : fields.values()) {
            if (shows(f.path().get(), problemPath)) {
                return Optional.of(f.input());
            }
        }
        return Optional.empty();
    }

    public Optional<String> pathOf(Node input) {
        Field f = fields.get(input);
        return f == null ? Optional.empty() : Optional.of(f.path().get());
    }

    /** The sentence written under {@code input} now ("" when it has no problem). */
    public String messageOf(Node input) {
        Field f = fields.get(input);
        return f == null ? "" : f.message().getText();
    }

    /** The line under {@code input} where its problem is written. */
    public Optional<Label> messageLabelOf(Node input) {
        return Optional.ofNullable(fields.get(input)).map(Field::message);
    }

    /**
     * How the form names {@code path}: "Resource 2 › Minor" for a field, "Resource 2" for a row, "Nodes" for a
     * list; a path below a named one gets the rest in words ("NTP servers › 2"). Empty when this page does not
     * name it.
     */
    public Optional<String> labelFor(String path) {
        for (Field f : fields.values()) {
            if (f.path().get().equals(path)) {
                return Optional.of(f.label().get());
            }
        }
        for (Group g : groups) {
            if (g.path().get().equals(path)) {
                return Optional.of(g.label().get());
            }
        }
        String best = null;
        String bestLabel = null;
        for (Field f : fields.values()) {
            String p = f.path().get();
            if (isBelow(path, p) && (best == null || p.length() > best.length())) {
                best = p;
                bestLabel = f.label().get();
            }
        }
        for (Group g : groups) {
            String p = g.path().get();
            if (isBelow(path, p) && (best == null || p.length() > best.length())) {
                best = p;
                bestLabel = g.label().get();
            }
        }
        return best == null ? Optional.empty() : Optional.of(bestLabel + ProblemWording.rest(path.substring(best.length())));
    }

    /**
     * Whether a problem on {@code problemPath} belongs under the field of {@code fieldPath}: the same path, an
     * element of a list-of-text field ({@code time.ntpServers[1]}), or a missing section the field lies in.
     */
    static boolean shows(String fieldPath, String problemPath) {
        return problemPath.equals(fieldPath) || problemPath.startsWith(fieldPath + "[")
                || (!problemPath.isEmpty() && fieldPath.startsWith(problemPath + "."));
    }

    private static boolean isBelow(String path, String ancestor) {
        return path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }

    private void showOn(Field f, List<Problem> problems) {
        Optional<Problem> first = first(problems);
        String sentence = first.map(wording::sentence).orElse("");
        f.message().setText(sentence);
        mark(f.message(), first);
        mark(f.input(), first);
        String help = f.help() == null ? "" : f.help() + "\n(" + f.path().get() + ")";
        String tip = sentence.isEmpty() ? help : help.isEmpty() ? sentence : sentence + "\n\n" + help;
        // The field's own tooltip leads with its problem, so hovering says what is wrong before what it is for.
        if (f.input() instanceof Control c) {
            if (tip.isEmpty()) {
                c.setTooltip(null);
            } else if (c.getTooltip() == null) {
                c.setTooltip(new Tooltip(tip));
            } else {
                c.getTooltip().setText(tip);
            }
        }
        f.message().setTooltip(sentence.isEmpty() ? null : new Tooltip(sentence));
    }

    private static Optional<Problem> first(List<Problem> problems) {
        return problems.stream().filter(Problem::isError).findFirst()
                .or(() -> problems.stream().findFirst());
    }

    private static void mark(Node node, Optional<Problem> problem) {
        node.getStyleClass().removeAll("field-error", "field-warning");
        problem.ifPresent(p -> node.getStyleClass().add(p.isError() ? "field-error" : "field-warning"));
    }
}
