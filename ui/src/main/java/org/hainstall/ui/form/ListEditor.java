package org.hainstall.ui.form;

import java.util.ArrayList;
import java.util.List;
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
 * and an Add button. Rows are rebuilt only when elements come or go, never while a value is typed.
 */
public final class ListEditor {
    private final RecordModel owner;
    private final String listName;
    private final String itemTitle;
    private final Form parent;
    private final BiConsumer<RecordModel, Form> rowBuilder;
    private final VBox rows = new VBox(8);
    private final VBox box = new VBox(6);
    private final List<Form> rowForms = new ArrayList<>();

    public ListEditor(RecordModel owner, String listName, String itemTitle, Form parent,
                      BiConsumer<RecordModel, Form> rowBuilder) {
        this.owner = owner;
        this.listName = listName;
        this.itemTitle = itemTitle;
        this.parent = parent;
        this.rowBuilder = rowBuilder;
        Button add = new Button("Add " + itemTitle.toLowerCase(java.util.Locale.ROOT));
        add.setId("add-" + Form.idFor(owner.pathOf(listName)).substring(2));
        add.setTooltip(new Tooltip("Adds a " + itemTitle.toLowerCase(java.util.Locale.ROOT) + " ("
                + owner.pathOf(listName) + ")"));
        add.setOnAction(e -> owner.add(listName));
        box.getChildren().addAll(rows, add);
        owner.list(listName).addListener((ListChangeListener<RecordModel>) c -> rebuild());
        rebuild();
    }

    public VBox node() {
        return box;
    }

    private void rebuild() {
        rowForms.forEach(Form::dispose);
        rowForms.clear();
        rows.getChildren().clear();
        List<RecordModel> elements = owner.list(listName);
        for (int i = 0; i < elements.size(); i++) {
            RecordModel element = elements.get(i);
            Form form = parent.child();
            rowForms.add(form);
            rowBuilder.accept(element, form);
            Label title = new Label(itemTitle + " " + (i + 1));
            title.getStyleClass().add("row-title");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button remove = new Button("Remove");
            remove.setId("remove-" + Form.idFor(element.path()).substring(2));
            remove.setTooltip(new Tooltip("Removes " + itemTitle.toLowerCase(java.util.Locale.ROOT) + " " + (i + 1)));
            remove.setOnAction(e -> owner.list(listName).remove(element));
            HBox header = new HBox(8, title, gap, remove);
            header.setAlignment(Pos.CENTER_LEFT);
            VBox card = new VBox(4, header, form.node());
            card.getStyleClass().add("row-card");
            card.setPadding(new Insets(6, 10, 6, 10));
            rows.getChildren().add(card);
        }
    }
}
