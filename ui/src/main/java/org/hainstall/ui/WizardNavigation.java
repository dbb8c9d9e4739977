package org.hainstall.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.hainstall.core.config.Problem;
import org.hainstall.ui.form.Reveal;
import org.hainstall.ui.model.ConfigModel;
import org.hainstall.ui.pages.FinishPage;
import org.hainstall.ui.pages.ReviewPage;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.pages.StartPage;
import org.hainstall.ui.pages.WizardPage;
import org.hainstall.ui.validation.LiveValidation;
import org.hainstall.ui.validation.ProblemWording;

/**
 * Which page is shown, where Back and Next lead, and which problems the admin sees: every problem of a config that
 * came from a file, a cluster or the review page; for a new cluster, a value still to fill in only once its field
 * was visited or Next was pressed on its page. No controls of its own: the layout shows what this decides.
 */
final class WizardNavigation {
    /** The pages in order, and the ones with a role of their own. */
    record Pages(List<WizardPage> all, StartPage start, ReviewPage review, RunPage run, FinishPage finish) {
        Pages {
            // An ArrayList underneath: indexOf(null) is -1 there (a problem no page owns), not an exception.
            all = Collections.unmodifiableList(new ArrayList<>(all));
        }
    }

    private final Pages pages;
    private final Consumer<WizardPage> view;
    private final ConfigModel model;
    private final LiveValidation validation;
    private final ObjectProperty<WizardPage> current = new SimpleObjectProperty<>(this, "current");
    /** The problems the admin is shown: all but values still to fill in on fields not visited yet. */
    private final ObservableList<Problem> visible = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper configHasErrors = new ReadOnlyBooleanWrapper(this, "configHasErrors");
    private final ReadOnlyBooleanWrapper nextHeld = new ReadOnlyBooleanWrapper(this, "nextHeld");
    private final Set<WizardPage> revealed = new HashSet<>();
    private final ProblemWording wording = new ProblemWording(this::labelFor);
    private boolean revealAll;

    /** {@code view} puts a page on the screen; it is called as soon as the page becomes the current one. */
    WizardNavigation(Pages pages, Consumer<WizardPage> view, ConfigModel model, LiveValidation validation) {
        this.pages = pages;
        this.view = view;
        this.model = model;
        this.validation = validation;
        validation.problems().addListener((ListChangeListener<Problem>) c -> showProblems());
        pages.all().forEach(p -> p.fields().touchedRevisionProperty().addListener((o, a, b) -> showProblems()));
        current.addListener((o, a, b) -> holdNext());
    }

    List<WizardPage> pages() {
        return pages.all();
    }

    WizardPage page(String id) {
        return pages.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    ReadOnlyObjectProperty<WizardPage> currentProperty() {
        return current;
    }

    ObservableList<Problem> visibleProblems() {
        return visible;
    }

    ReadOnlyBooleanProperty configHasErrorsProperty() {
        return configHasErrors.getReadOnlyProperty();
    }

    /** True while Next must not be pressed: the page has errors, it is the last one, or a run is going. */
    ReadOnlyBooleanProperty nextHeldProperty() {
        return nextHeld.getReadOnlyProperty();
    }

    /** The problem list's title: how many are shown, and how many values are still to fill in. */
    String problemsTitle() {
        long hidden = validation.problems().stream().filter(p -> !visible.contains(p)).count();
        return "Problems (" + visible.size() + ")" + (hidden == 0 ? ""
                : " · " + hidden + (hidden == 1 ? " value" : " values") + " still to fill in");
    }

    ProblemWording wording() {
        return wording;
    }

    void go(String pageId) {
        go(page(pageId));
    }

    void go(WizardPage page) {
        current.set(page);
        view.accept(page);
        if (page == pages.review() || page == pages.run()) {
            // From the review on, the whole config is judged: every problem is shown.
            showAllProblems();
        } else {
            showProblems();
        }
        page.entered();
        if (page == pages.finish()) {
            RunPage run = pages.run();
            pages.finish().show(new FinishPage.Outcome(run.stateProperty().get(), run.runMode(),
                    run.resultText(), run.runFolderProperty().get(), model.fileProperty().get()));
        }
    }

    /**
     * The next page. A page whose values are not all filled in stays, and now says which ones are missing (they
     * were not shown while the admin had not been to them).
     */
    void next() {
        WizardPage page = current.get();
        int i = pages.all().indexOf(page);
        if (i + 1 >= pages.all().size() || nextHeld.get()) {
            return;
        }
        if (isConfigPage(page) && validation.problems().stream().anyMatch(p -> p.isError() && page.owns(p.path()))) {
            revealed.add(page);
            page.fields().touchAll();
            showProblems();
            return;
        }
        go(pages.all().get(i + 1));
    }

    void back() {
        int i = pages.all().indexOf(current.get());
        if (i > 0) {
            go(pages.all().get(i - 1));
        }
    }

    /** Shows a problem's field: its page, and the field focused. */
    void jumpTo(Problem problem) {
        WizardPage owner = ownerOf(problem.path());
        if (owner == null) {
            return;
        }
        go(owner);
        owner.fields().inputFor(problem.path()).ifPresent(input -> Platform.runLater(() -> {
            Reveal.inScrollPane(input);
            input.requestFocus();
        }));
    }

    /** True for the pages that edit the config (not start, review, run, finish). */
    boolean isConfigPage(WizardPage p) {
        return p != pages.review() && !p.owns("") && pages.all().indexOf(p) > 0 && p != pages.run()
                && p != pages.finish() && p != pages.start();
    }

    /** Every problem is shown from now on: the config came from a file, a cluster, or is being reviewed. */
    void showAllProblems() {
        revealAll = true;
        showProblems();
    }

    /** A new, blank config: values still to fill in are shown only once their field was visited. */
    void hideMissingValues() {
        revealAll = false;
        revealed.clear();
        pages.all().forEach(p -> p.fields().forgetTouched());
        showProblems();
    }

    /**
     * How the admin knows {@code path}: the form's label ("Resource 2 › Minor"), after its page's title when it is
     * on another page ("Replication › Resource 2 › Minor"), or the path in words when no page names it.
     */
    Optional<String> labelFor(String path) {
        WizardPage owner = ownerOf(path);
        if (owner == null) {
            return Optional.empty();
        }
        owner.content(); // a page builds its form on first use; its labels come from the form
        String label = owner.fields().labelFor(path).orElse(ProblemWording.inWords(path));
        return Optional.of(owner == current.get() ? label : owner.title() + " › " + label);
    }

    /** The config page that edits {@code path} (not the review page, which shows them all). */
    private WizardPage ownerOf(String path) {
        return pages.all().stream().filter(this::isConfigPage).filter(p -> p.owns(path)).findFirst().orElse(null);
    }

    private boolean isVisible(Problem p) {
        if (revealAll || !ProblemWording.isMissingValue(p)) {
            return true;
        }
        WizardPage owner = ownerOf(p.path());
        return owner == null || revealed.contains(owner) || owner.fields().isTouched(p.path());
    }

    private void showProblems() {
        List<Problem> all = List.copyOf(validation.problems());
        configHasErrors.set(all.stream().anyMatch(Problem::isError));
        WizardPage here = current.get();
        List<Problem> shown = new ArrayList<>(all.stream().filter(this::isVisible).toList());
        // The current page's problems first, then the others in page order; errors before warnings within each.
        shown.sort(Comparator.comparingInt((Problem p) -> ownerOf(p.path()) == here ? 0 : 1)
                .thenComparingInt(p -> pages.all().indexOf(ownerOf(p.path())))
                .thenComparing(Problem::severity));
        visible.setAll(shown);
        pages.all().forEach(p -> p.showProblems(shown, wording));
    }

    private void holdNext() {
        WizardPage p = current.get();
        nextHeld.unbind();
        boolean last = pages.all().indexOf(p) == pages.all().size() - 1;
        if (p == pages.run()) {
            nextHeld.bind(pages.run().runningProperty());
        } else {
            nextHeld.bind(p.hasErrorsProperty().or(Bindings.createBooleanBinding(() -> last)));
        }
    }
}
