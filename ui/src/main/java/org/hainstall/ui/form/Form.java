package org.hainstall.ui.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.hainstall.core.config.ConfigChoice;
import org.hainstall.ui.model.RecordModel;
import org.hainstall.ui.validation.PageFields;

/**
 * Lays out labelled fields in a grid and binds each to one value of the config model. Every field gets an id
 * made from its config path ({@code #f-nodes_0_-address}), a mnemonic on its label, a tooltip, and a line under it
 * (always there, so the form never moves) where its problem is written; it is registered with the page's
 * {@link PageFields} under its label as the admin reads it ("Resource 2 › Minor").
 */
public final class Form {
    /** The name of a word-set value when it is not set. */
    static final String NOT_SET = "";

    private final PageFields fields;
    private final String prefix;
    private final GridPane grid = new GridPane();
    private final List<Node> registered = new ArrayList<>();
    private final List<Supplier<String>> groups = new ArrayList<>();
    private final List<Form> children = new ArrayList<>();
    private int row;

    public Form(PageFields fields) {
        this(fields, "");
    }

    private Form(PageFields fields, String prefix) {
        this.fields = fields;
        this.prefix = prefix;
        grid.setHgap(8);
        grid.setVgap(1);
        grid.setPadding(new Insets(4, 0, 4, 0));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setPrefWidth(150);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values);
    }

    /** The id a field of {@code path} gets: CSS-safe, stable while the path is. */
    public static String idFor(String path) {
        return "f-" + path.replaceAll("[^A-Za-z0-9]", "_");
    }

    public GridPane node() {
        return grid;
    }

    public PageFields fields() {
        return fields;
    }

    /** The words before this form's labels, e.g. "Resource 2 › " in a list row. */
    public String prefix() {
        return prefix;
    }

    /** A form for a nested part whose fields go when this form's are disposed; its labels start with {@code title}. */
    public Form child(String title) {
        Form f = new Form(fields, title.isEmpty() ? prefix : prefix + title + " › ");
        children.add(f);
        return f;
    }

    /** A part of this form that can be hidden as a whole (e.g. the libvirt fields), spanning both columns. */
    public Form section() {
        Form f = child("");
        span(f.node());
        return f;
    }

    public Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-heading");
        grid.add(l, 0, row++, 2, 1);
        return l;
    }

    public TextField text(RecordModel owner, String name, String label, String tip) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(owner.text(name));
        add(owner, name, label, tip, field);
        return field;
    }

    /** A whole-number field: only digits can be typed. */
    public TextField number(RecordModel owner, String name, String label, String tip) {
        TextField field = new TextField();
        field.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,9}") ? c : null));
        field.textProperty().bindBidirectional(owner.text(name));
        field.setPrefColumnCount(8);
        add(owner, name, label, tip, field);
        return field;
    }

    /** A yes/no value; unticking stores {@code whenUnticked} (null leaves the key out of the file). */
    public CheckBox check(RecordModel owner, String name, String label, String tip, Boolean whenUnticked) {
        CheckBox box = new CheckBox();
        ObjectProperty<Boolean> value = owner.flag(name);
        box.setSelected(Boolean.TRUE.equals(value.get()));
        value.addListener((o, a, b) -> box.setSelected(Boolean.TRUE.equals(b)));
        box.selectedProperty().addListener((o, a, b) -> {
            Boolean wanted = b ? Boolean.TRUE : whenUnticked;
            if (!Objects.equals(value.get(), wanted) && b != Boolean.TRUE.equals(value.get())) {
                value.set(wanted);
            }
        });
        add(owner, name, label, tip, box);
        return box;
    }

    /**
     * One word of a closed set that core defines as an enum: the list offers exactly its words, each with what
     * it means; an empty choice means "not set". A word the file has that is not in the set is shown too, so
     * the validator's problem about it can be seen and fixed.
     */
    public <E extends Enum<E> & ConfigChoice> ComboBox<String> choice(RecordModel owner, String name, String label,
                                                                      String tip, Class<E> words) {
        List<String> descriptions = new ArrayList<>();
        for (E e : words.getEnumConstants()) {
            descriptions.add(e.configValue() + " — " + e.description());
        }
        ComboBox<String> box = pick(owner, name, label, tip, () -> ConfigChoice.valuesOf(words));
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                int i = item == null ? -1 : ConfigChoice.valuesOf(words).indexOf(item);
                setText(empty || item == null ? null : item.isEmpty() ? "(not set)" : i >= 0 ? descriptions.get(i) : item);
            }
        });
        return box;
    }

    /**
     * One of the values {@code options} lists when the list opens (e.g. the logical volumes the Storage page
     * defines); the current value stays shown even when it is not among them.
     */
    public ComboBox<String> pick(RecordModel owner, String name, String label, String tip,
                                 Supplier<List<String>> options) {
        ComboBox<String> box = new ComboBox<>();
        StringProperty value = owner.text(name);
        Runnable refresh = () -> {
            Set<String> items = new LinkedHashSet<>();
            items.add(NOT_SET);
            items.addAll(options.get());
            if (value.get() != null) {
                items.add(value.get());
            }
            if (!box.getItems().equals(new ArrayList<>(items))) {
                box.getItems().setAll(items);
            }
            box.setValue(value.get());
        };
        refresh.run();
        value.addListener((o, a, b) -> refresh.run());
        box.setOnShowing(e -> refresh.run());
        box.valueProperty().addListener((o, a, b) -> value.set(b == null ? NOT_SET : b));
        add(owner, name, label, tip, box);
        return box;
    }

    /**
     * A list of text picked by ticking (e.g. a volume group's physical volumes among the declared partitions):
     * one box per option, ticked when the value lists it; a listed value that is no option keeps a box too. The
     * boxes follow the options whenever {@code optionsChange} fires (any edit of the config).
     */
    public FlowPane ticks(RecordModel owner, String name, String label, String tip, Supplier<List<String>> options,
                          ObservableValue<?> optionsChange, String noneYet) {
        FlowPane pane = new FlowPane(12, 4);
        pane.setAlignment(Pos.CENTER_LEFT);
        StringProperty value = owner.text(name);
        List<String> shown = new ArrayList<>();
        Runnable rebuild = () -> {
            List<String> chosen = split(value.get());
            Set<String> all = new LinkedHashSet<>(options.get());
            all.addAll(chosen);
            if (new ArrayList<>(all).equals(shown) && Set.copyOf(chosen).equals(Set.copyOf(checked(pane)))) {
                return;
            }
            shown.clear();
            shown.addAll(all);
            List<Node> boxes = new ArrayList<>();
            for (String option : all) {
                CheckBox box = new CheckBox(option);
                box.setId(idFor(owner.pathOf(name)) + "-" + option.replaceAll("[^A-Za-z0-9]", "_"));
                box.setSelected(chosen.contains(option));
                box.selectedProperty().addListener((o, a, b) -> {
                    List<String> now = new ArrayList<>(split(value.get()));
                    now.remove(option);
                    if (b) {
                        now.add(option);
                    }
                    value.set(String.join(", ", now));
                });
                boxes.add(box);
            }
            if (boxes.isEmpty()) {
                Label none = new Label(noneYet);
                none.getStyleClass().add("hint");
                boxes.add(none);
            }
            pane.getChildren().setAll(boxes);
        };
        rebuild.run();
        ChangeListener<Object> follow = (o, a, b) -> rebuild.run();
        value.addListener(follow);
        optionsChange.addListener(new WeakChangeListener<>(follow));
        pane.getProperties().put(Form.class, follow); // the weak listener lives as long as the pane
        add(owner, name, label, tip, pane);
        return pane;
    }

    /** A button beside a field (e.g. "Generate"). */
    public Button action(Control field, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setId("gen-" + field.getId().substring(2));
        Node parent = field.getParent();
        if (parent instanceof HBox box) {
            box.getChildren().add(b);
        }
        return b;
    }

    /** Any node spanning both columns (a nested list, a note). */
    public void span(Node node) {
        grid.add(node, 0, row++, 2, 1);
    }

    /**
     * Names a part without a field of its own (a list, a row) for the problems about it; its problems are written
     * to {@code message} when there is one. It goes with this form.
     */
    public void group(Supplier<String> path, Supplier<String> label, Label message) {
        fields.registerGroup(path, label, message);
        groups.add(path);
    }

    /** Disposes a child form (a removed list row) and forgets it. */
    public void release(Form child) {
        child.dispose();
        children.remove(child);
    }

    /** Unregisters this form's fields and groups (and its children's) when their row is removed. */
    public void dispose() {
        registered.forEach(fields::unregister);
        registered.clear();
        groups.forEach(fields::unregisterGroup);
        groups.clear();
        children.forEach(Form::dispose);
        children.clear();
    }

    private void add(RecordModel owner, String name, String label, String tip, Node input) {
        input.setId(idFor(owner.pathOf(name)));
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(input);
        l.setMinWidth(Label.USE_PREF_SIZE);
        HBox box = new HBox(6, input);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(input, Priority.ALWAYS);
        if (input instanceof Control c) {
            c.setMaxWidth(420);
        }
        Label message = new Label();
        message.getStyleClass().add("field-message");
        message.setId("msg-" + input.getId().substring(2));
        message.setMaxWidth(Double.MAX_VALUE);
        grid.add(l, 0, row);
        grid.add(box, 1, row++);
        grid.add(message, 1, row++);
        String shown = prefix + label.replace("_", "");
        fields.register(input, () -> owner.pathOf(name), () -> shown, message, tip);
        registered.add(input);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> checked(FlowPane pane) {
        return pane.getChildren().stream().filter(n -> n instanceof CheckBox c && c.isSelected())
                .map(n -> ((CheckBox) n).getText()).toList();
    }
}
