package org.hainstall.ui.pages;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import org.hainstall.core.config.Problem;
import org.hainstall.ui.validation.PageFields;
import org.hainstall.ui.validation.ProblemWording;

/**
 * One page of the wizard: its content, the config sections it edits (the problems under them keep Next
 * disabled) and its fields, where core's problems are written. A page's content may be built on first use, so
 * that the first window does not wait for pages nobody has opened yet.
 */
public class WizardPage {
    private final String id;
    private final String title;
    private final List<String> owns;
    private final PageFields fields;
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper(this, "hasErrors");
    private Node content;
    private Supplier<Node> builder;
    private List<Problem> shown = List.of();
    private ProblemWording wording = new ProblemWording(p -> java.util.Optional.empty());

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

    /** The page's content, built now if it was not yet. FX thread. */
    public Node content() {
        if (content == null && builder != null) {
            Supplier<Node> b = builder;
            builder = null;
            setContent(b.get());
            fields.show(shown, wording);
        }
        return content;
    }

    /** Whether the content exists already (a page built on first use may not). */
    public boolean isBuilt() {
        return content != null;
    }

    protected void setContent(Node content) {
        this.content = content;
        content.getStyleClass().add("page");
        content.setId("page-" + id);
    }

    /** The content is made by {@code build} the first time it is needed. */
    protected void setContentBuilder(Supplier<Node> build) {
        this.builder = build;
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

    /** Shows the problems the admin should see now (of the whole config) on this page's fields, in {@code words}. */
    public void showProblems(List<Problem> visible, ProblemWording words) {
        shown = List.copyOf(visible);
        wording = words;
        if (isBuilt()) {
            fields.show(shown, wording);
        }
        hasErrors.set(visible.stream().anyMatch(p -> p.isError() && owns(p.path())));
    }

    /** Called each time the page is shown. */
    public void entered() {
    }
}
