package org.hainstall.ui.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hainstall.ui.model.RecordModel;

/**
 * Edits a list of records (nodes, disks, volumes, …): one boxed sub-form per element with a Remove button,
 * and an Add button, each shown only while the list may grow or shrink (a cluster has exactly two nodes).
 * Rows are rebuilt only when elements come or go, never while a value is typed. A problem about the list
 * itself ("add at least one") is written on a line of its own under the rows.
 */
public final class ListEditor {
    private final RecordModel owner;
    private final String listName;
    private final String itemTitle;
    private final Form parent;
    private final BiConsumer<RecordModel, Form> rowBuilder;
    private final int min;
    private final int max;
    private final VBox rows = new VBox(8);
    private final VBox box = new VBox(4);
    private final Button add;
    private final List<Form> rowForms = new ArrayList<>();

    public ListEditor(RecordModel owner, String listName, String itemTitle, Form parent,
                      BiConsumer<RecordModel, Form> rowBuilder) {
        this(owner, listName, itemTitle, parent, 0, Integer.MAX_VALUE, rowBuilder);
    }

    /** A list of at least {@code min} and at most {@code max} elements: Add and Remove show only within them. */
    public ListEditor(RecordModel owner, String listName, String itemTitle, Form parent, int min, int max,
                      BiConsumer<RecordModel, Form> rowBuilder) {
        this.owner = owner;
        this.listName = listName;
        this.itemTitle = itemTitle;
        this.parent = parent;
        this.min = min;
        this.max = max;
        this.rowBuilder = rowBuilder;
        String lower = itemTitle.toLowerCase(Locale.ROOT);
        add = new Button("Add " + lower);
        add.setId("add-" + Form.idFor(owner.pathOf(listName)).substring(2));
        add.setTooltip(new Tooltip("Adds a " + lower + " (" + owner.pathOf(listName) + ")"));
        add.setOnAction(e -> owner.add(listName));
        Label message = new Label();
        message.getStyleClass().add("field-message");
        message.setId("msg-" + Form.idFor(owner.pathOf(listName)).substring(2));
        message.setMaxWidth(Double.MAX_VALUE);
        parent.group(() -> owner.pathOf(listName), () -> parent.prefix() + itemTitle + "s", message);
        box.getChildren().addAll(rows, add, message);
        owner.list(listName).addListener((ListChangeListener<RecordModel>) c -> rebuild());
        rebuild();
    }

    public VBox node() {
        return box;
    }

    private void rebuild() {
        rowForms.forEach(parent::release);
        rowForms.clear();
        rows.getChildren().clear();
        List<RecordModel> elements = owner.list(listName);
        add.setVisible(elements.size() < max);
        add.setManaged(elements.size() < max);
        for (int i = 0; i < elements.size(); i++) {
            RecordModel element = elements.get(i);
            String title = itemTitle + " " + (i + 1);
            Form form = parent.child(title);
            rowForms.add(form);
            String label = parent.prefix() + title;
            form.group(element::path, () -> label, null);
            rowBuilder.accept(element, form);
            Label heading = new Label(title);
            heading.getStyleClass().add("row-title");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button remove = new Button("Remove");
            remove.setId("remove-" + Form.idFor(element.path()).substring(2));
            remove.setTooltip(new Tooltip("Removes " + title.toLowerCase(Locale.ROOT)));
            remove.setOnAction(e -> owner.list(listName).remove(element));
            remove.setVisible(elements.size() > min);
            remove.setManaged(elements.size() > min);
            HBox header = new HBox(8, heading, gap, remove);
            header.setAlignment(Pos.CENTER_LEFT);
            VBox card = new VBox(2, header, form.node());
            card.getStyleClass().add("row-card");
            card.setPadding(new Insets(6, 10, 4, 10));
            rows.getChildren().add(card);
        }
    }
}
