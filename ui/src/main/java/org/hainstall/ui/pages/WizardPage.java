package org.hainstall.ui.pages;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import org.hainstall.core.config.Problem;
import org.hainstall.ui.validation.PageFields;

/**
 * One page of the wizard: its content, the config sections it edits (the problems under them keep Next
 * disabled) and its fields, decorated with core's problems.
 */
public class WizardPage {
    private final String id;
    private final String title;
    private final List<String> owns;
    private final PageFields fields;
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper(this, "hasErrors");
    private Node content;

    /** {@code owns}: config path prefixes this page edits ("" for every one). */
    public WizardPage(String id, String title, List<String> owns, PageFields fields) {
        this.id = id;
        this.title = title;
        this.owns = List.copyOf(owns);
        this.fields = fields;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public PageFields fields() {
        return fields;
    }

    public Node content() {
        return content;
    }

    protected void setContent(Node content) {
        this.content = content;
        content.getStyleClass().add("page");
        content.setId("page-" + id);
    }

    public ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    public boolean owns(String path) {
        for (String p : owns) {
            if (p.isEmpty() || path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "[")) {
                return true;
            }
        }
        return false;
    }

    public void showProblems(List<Problem> problems) {
        fields.show(problems);
        hasErrors.set(problems.stream().anyMatch(p -> p.isError() && owns(p.path())));
    }

    /** Called each time the page is shown. */
    public void entered() {
    }
}
