package org.hainstall.ui.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.hainstall.ui.model.RecordModel;
import org.hainstall.ui.validation.PageFields;

/**
 * Lays out labelled fields in a grid and binds each to one value of the config model. Every field gets an id
 * made from its config path ({@code #f-nodes_0_-address}), a mnemonic on its label and a tooltip, and is
 * registered with the page's {@link PageFields} so core's problems decorate it.
 */
public final class Form {
    private final PageFields fields;
    private final GridPane grid = new GridPane();
    private final List<Control> registered = new ArrayList<>();
    private final List<Form> children = new ArrayList<>();
    private int row;

    public Form(PageFields fields) {
        this.fields = fields;
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 0, 4, 0));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
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

    /** A form for a nested part (a list row) whose fields go when this form's are disposed. */
    public Form child() {
        Form f = new Form(fields);
        children.add(f);
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

    /** One of a few words; an empty choice means "not set". */
    public ComboBox<String> choice(RecordModel owner, String name, String label, String tip, String... options) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().add("");
        box.getItems().addAll(options);
        StringProperty value = owner.text(name);
        Runnable fromModel = () -> {
            String v = value.get();
            if (!box.getItems().contains(v)) {
                box.getItems().add(v);
            }
            box.setValue(v);
        };
        fromModel.run();
        value.addListener((o, a, b) -> fromModel.run());
        box.valueProperty().addListener((o, a, b) -> value.set(b == null ? "" : b));
        add(owner, name, label, tip, box);
        return box;
    }

    /** A button beside the last field (e.g. "Generate"). */
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

    /** Unregisters this form's fields (and its children's) when their row is removed. */
    public void dispose() {
        registered.forEach(fields::unregister);
        registered.clear();
        children.forEach(Form::dispose);
        children.clear();
    }

    private void add(RecordModel owner, String name, String label, String tip, Control control) {
        control.setId(idFor(owner.pathOf(name)));
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(control);
        if (tip != null) {
            control.setTooltip(new Tooltip(tip + "\n(" + owner.pathOf(name) + ")"));
        }
        HBox box = new HBox(6, control);
        HBox.setHgrow(control, Priority.ALWAYS);
        control.setMaxWidth(control instanceof ComboBox ? 200 : 420);
        grid.add(l, 0, row);
        grid.add(box, 1, row++);
        fields.register(control, () -> owner.pathOf(name));
        registered.add(control);
    }
}
