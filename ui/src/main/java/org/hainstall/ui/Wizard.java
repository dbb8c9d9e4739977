package org.hainstall.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.hainstall.core.clone.CloneCheck;
import org.hainstall.core.clone.CloneProposer;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.ui.files.RecentFiles;
import org.hainstall.ui.form.Reveal;
import org.hainstall.ui.model.ConfigModel;
import org.hainstall.ui.pages.ConfigPages;
import org.hainstall.ui.pages.FinishPage;
import org.hainstall.ui.pages.Generators;
import org.hainstall.ui.pages.ReviewPage;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.pages.StartPage;
import org.hainstall.ui.pages.WizardPage;
import org.hainstall.ui.validation.LiveValidation;
import org.hainstall.ui.validation.ProblemWording;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The wizard's window: the pages in order, Back/Next (Next held while the page has errors), the problems list,
 * the File menu with recent files, and the guards on closing (unsaved changes, a run in progress).
 * Build it on the FX thread.
 */
public final class Wizard implements StartPage.Actions {
    private final WizardServices services;
    private final ConfigModel model = new ConfigModel();
    private final LiveValidation validation;
    private final RecentFiles recent;
    private final Preferences windowPrefs;
    private final List<WizardPage> pages = new ArrayList<>();
    private final StartPage startPage;
    private final ReviewPage reviewPage;
    private final RunPage runPage;
    private final FinishPage finishPage;
    private final ObjectProperty<WizardPage> current = new SimpleObjectProperty<>(this, "current");
    private final StackPane center = new StackPane();
    private final ListView<WizardPage> steps = new ListView<>();
    private final ListView<Problem> problemList = new ListView<>();
    /** The problems the admin is shown: all but values still to fill in on fields not visited yet. */
    private final ObservableList<Problem> visible = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper configHasErrors = new ReadOnlyBooleanWrapper(this, "configHasErrors");
    private final Set<WizardPage> revealed = new HashSet<>();
    private final ProblemWording wording = new ProblemWording(this::labelFor);
    private boolean revealAll;
    private final Button back = new Button("_Back");
    private final Button next = new Button("_Next");
    private final Label fileLabel = new Label();
    private final BorderPane rootPane = new BorderPane();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private Stage stage;

    public Wizard(WizardServices services) {
        this.services = services;
        this.validation = new LiveValidation(model, services.validator());
        this.recent = new RecentFiles(services.prefs().node("recent"));
        this.windowPrefs = services.prefs().node("window");
        startPage = new StartPage(this, services.reconstruction().available());
        reviewPage = new ReviewPage(model::toConfig, () -> model.fileProperty().get(), services.files(),
                services.workflows());
        runPage = new RunPage(services.workflows(), model::toConfig, () -> model.fileProperty().get(),
                () -> model.isDirty() || model.fileProperty().get() == null ? save()
                        : CompletableFuture.completedFuture(true),
                confirmation -> services.dialogs().confirmRun(stage, confirmation),
                services.folders(), services.io(), services.clock());
        finishPage = new FinishPage(() -> save(),
                model.dirtyProperty().or(model.fileProperty().isNull()), this::openLogFolder, this::requestClose);
        // A run starts only from a config without errors, shown or not yet shown.
        runPage.blockedProperty().bind(configHasErrors);
        pages.add(startPage);
        pages.addAll(new ConfigPages(model.root(), new Generators(services.random()), model.revisionProperty()).all());
        pages.add(reviewPage);
        pages.add(runPage);
        pages.add(finishPage);
        validation.problems().addListener((ListChangeListener<Problem>) c -> showProblems());
        pages.forEach(p -> p.fields().touchedRevisionProperty().addListener((o, a, b) -> showProblems()));
        model.load(blank(), null);
        validation.validateNow();
        buildLayout();
        go(startPage);
    }

    /** A new cluster: two empty nodes, nothing else filled in. */
    static ClusterConfig blank() {
        ClusterConfig.Node empty = new ClusterConfig.Node(null, null, null, null, null, null);
        return new ClusterConfig(null, null, null, null, null, null, null, List.of(empty, empty), null, null,
                new ClusterConfig.Heartbeat(null, null, null, null, null, false), null, null);
    }

    public void show(Stage stage, Optional<Path> config) {
        this.stage = stage;
        Scene scene = new Scene(rootPane, windowPrefs.getDouble("width", 1100), windowPrefs.getDouble("height", 760));
        scene.getStylesheets().add(Wizard.class.getResource("wizard.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setMaximized(windowPrefs.getBoolean("maximized", false));
        stage.setOnCloseRequest(this::onCloseRequest);
        WindowIdentity.decorate(stage);
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, model.fileProperty(),
                model.dirtyProperty()));
        stage.show();
        config.ifPresent(this::openFile);
    }

    public WizardServices services() {
        return services;
    }

    public ConfigModel model() {
        return model;
    }

    public LiveValidation validation() {
        return validation;
    }

    public List<WizardPage> pages() {
        return List.copyOf(pages);
    }

    public WizardPage page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    public WizardPage currentPage() {
        return current.get();
    }

    public RunPage runPage() {
        return runPage;
    }

    /** The problems shown now, the current page's first. */
    public ObservableList<Problem> visibleProblems() {
        return visible;
    }

    /** True while the config has an error, shown or not (a value still to fill in counts). */
    public ReadOnlyBooleanProperty configHasErrorsProperty() {
        return configHasErrors.getReadOnlyProperty();
    }

    public ReviewPage reviewPage() {
        return reviewPage;
    }

    public BorderPane root() {
        return rootPane;
    }

    public void go(String pageId) {
        go(page(pageId));
    }

    /**
     * The next page. A page whose values are not all filled in stays, and now says which ones are missing (they
     * were not shown while the admin had not been to them).
     */
    public void next() {
        WizardPage page = current.get();
        int i = pages.indexOf(page);
        if (i + 1 >= pages.size() || next.isDisabled()) {
            return;
        }
        if (isConfigPage(page) && validation.problems().stream().anyMatch(p -> p.isError() && page.owns(p.path()))) {
            revealed.add(page);
            page.fields().touchAll();
            showProblems();
            return;
        }
        go(pages.get(i + 1));
    }

    public void back() {
        int i = pages.indexOf(current.get());
        if (i > 0) {
            go(pages.get(i - 1));
        }
    }

    // ---- start page actions ------------------------------------------------------------------------------

    @Override
    public void newCluster() {
        whenSafeToReplace(() -> {
            model.load(blank(), null);
            validation.setExtraChecks(c -> List.of());
            hideMissingValues();
            go("cluster");
        });
    }

    @Override
    public void open() {
        whenSafeToReplace(() -> services.dialogs().chooseOpen(stage).ifPresent(this::openFile));
    }

    @Override
    public void open(Path file) {
        whenSafeToReplace(() -> openFile(file));
    }

    @Override
    public void reconstruct() {
        whenSafeToReplace(() -> services.dialogs().askReconstruct(stage, model.fileProperty().get())
                .ifPresent(request -> {
                    reading.set(true);
                    startPage.showStatus("Reading " + request.host() + "…");
                    services.reconstruction().from(request).whenComplete((result, err) -> Platform.runLater(() -> {
                        reading.set(false);
                        startPage.showStatus("");
                        if (err != null) {
                            services.dialogs().error(stage, "Could not reconstruct from " + request.host(),
                                    rootMessage(err));
                            return;
                        }
                        loadReconstructed(result);
                    }));
                }));
    }

    /**
     * Loads a reconstructed config as a new, unsaved one; what could not be read stays in the problems list as
     * warnings until another config is loaded.
     */
    public void loadReconstructed(Reconstruction.Result result) {
        model.load(result.config(), null);
        List<Problem> unreadable = result.unreadable().stream().map(Wizard::unreadable).toList();
        validation.setExtraChecks(c -> unreadable);
        showAllProblems();
        go("cluster");
    }

    /** "nodes[1].address: why" → a warning on that path. */
    private static Problem unreadable(String entry) {
        int colon = entry.indexOf(": ");
        String path = colon > 0 && !entry.substring(0, colon).contains(" ") ? entry.substring(0, colon) : "";
        String why = colon > 0 && !path.isEmpty() ? entry.substring(colon + 2) : entry;
        return Problem.warning(path, ProblemCode.RECONSTRUCT_UNREADABLE, "could not be read from the cluster: " + why);
    }

    /** True while a reconstruct is reading the live cluster. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    @Override
    public void cloneCluster() {
        whenSafeToReplace(() -> services.dialogs().chooseOpen(stage).ifPresent(source ->
                openFile(source).thenAccept(opened -> {
                    if (opened) {
                        proposeClone();
                    }
                })));
    }

    /**
     * Replaces the loaded config by core's proposal for a second cluster beside it (new name, node names,
     * addresses, Heartbeat port); what the copy still shares with its source is checked on every edit and shown
     * in the problems list. A copy is a new file: Save asks where, so the source is never overwritten.
     */
    public void proposeClone() {
        ClusterConfig source = model.toConfig();
        String oldName = source.cluster() == null || source.cluster().name() == null ? "cluster"
                : source.cluster().name();
        services.dialogs().askText(stage, "Clone", "Name of the copy (it must differ from " + oldName + ")",
                oldName + "-copy").ifPresent(name -> {
                    model.load(new CloneProposer().propose(source, name), null);
                    // The copy's secrets are generated in its own folder on its first run, so only the config is
                    // compared here: addresses, names, the Heartbeat port.
                    validation.setExtraChecks(copy -> new CloneCheck().check(source, null, copy, null));
                    showAllProblems();
                    go("cluster");
                });
    }

    // ---- files: read and written on the io executor, applied on the FX thread ----------------------------

    /**
     * Opens {@code file} without asking about unsaved changes. Completes (on the FX thread) with false, and an
     * error shown, if it cannot be read; the config being edited is then left as it was.
     */
    public CompletableFuture<Boolean> openFile(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return services.files().load(file);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, services.io()).whenComplete((config, err) -> Platform.runLater(() -> {
            if (err != null) {
                services.dialogs().error(stage, "Cannot open " + file, rootMessage(err));
                done.complete(false);
                return;
            }
            model.load(config, file);
            validation.setExtraChecks(c -> List.of());
            recent.add(file);
            startPage.showRecent(recent.list());
            validation.validateNow();
            showAllProblems();
            go("cluster");
            done.complete(true);
        }));
        return done;
    }

    /** Saves to the current file, or asks for one; completes with false if not saved. */
    public CompletableFuture<Boolean> save() {
        Path file = model.fileProperty().get();
        return file == null ? saveAs() : saveTo(file);
    }

    public CompletableFuture<Boolean> saveAs() {
        Path suggestion = model.fileProperty().get();
        if (suggestion == null) {
            String name = model.root().child("cluster").text("name").get();
            suggestion = Path.of((name.isBlank() ? "cluster" : name) + ".yaml");
        }
        Optional<Path> target = services.dialogs().chooseSave(stage, suggestion);
        return target.isPresent() ? saveTo(target.get()) : CompletableFuture.completedFuture(false);
    }

    /** Writes the config as it is now; edits made while it is written stay unsaved. */
    public CompletableFuture<Boolean> saveTo(Path file) {
        ClusterConfig config = model.toConfig();
        long revision = model.revisionProperty().get();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                services.files().save(file, config);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, services.io()).whenComplete((v, err) -> Platform.runLater(() -> {
            if (err != null) {
                services.dialogs().error(stage, "Cannot save " + file, rootMessage(err));
                done.complete(false);
                return;
            }
            model.markSaved(file, revision);
            recent.add(file);
            startPage.showRecent(recent.list());
            done.complete(true);
        }));
        return done;
    }

    /** Runs {@code then} once it is fine to replace the config: unchanged, saved, or the changes discarded. */
    private void whenSafeToReplace(Runnable then) {
        if (!model.isDirty()) {
            then.run();
            return;
        }
        switch (services.dialogs().askUnsaved(stage)) {
            case SAVE -> save().thenAccept(saved -> {
                if (saved) {
                    then.run();
                }
            });
            case DISCARD -> then.run();
            case CANCEL -> { }
        }
    }

    private static String rootMessage(Throwable err) {
        Throwable t = err;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    // ---- closing -----------------------------------------------------------------------------------------

    /** Closes the window through the same guards as the window's close button. */
    public void requestClose() {
        if (stage != null) {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        }
    }

    private void onCloseRequest(WindowEvent e) {
        e.consume();
        if (runPage.runningProperty().get()) {
            if (services.dialogs().confirmCancelRun(stage)) {
                runPage.cancelThen(this::closeNow);
            }
            return;
        }
        whenSafeToReplace(this::closeNow);
    }

    private void closeNow() {
        windowPrefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            windowPrefs.putDouble("width", stage.getWidth());
            windowPrefs.putDouble("height", stage.getHeight());
        }
        stage.close();
    }

    private void openLogFolder() {
        runPage.logFolder().ifPresent(runPage::openFolder);
    }

    /** Help → About: version, licence, and the README. */
    public void about() {
        services.dialogs().about(stage, services.about(), this::openReadme);
    }

    private void openReadme() {
        services.about().readme().ifPresent(runPage::openFolder);
    }

    // ---- layout and navigation ---------------------------------------------------------------------------

    private void go(WizardPage page) {
        current.set(page);
        center.getChildren().setAll(page.content());
        steps.getSelectionModel().select(page);
        if (page == reviewPage || page == runPage) {
            // From the review on, the whole config is judged: every problem is shown.
            showAllProblems();
        } else {
            showProblems();
        }
        page.entered();
        if (page == finishPage) {
            finishPage.show(new FinishPage.Outcome(runPage.stateProperty().get(), runPage.runMode(),
                    runPage.resultText(), runPage.runFolderProperty().get(), model.fileProperty().get()));
        }
    }

    /** Shows a problem's field: its page, and the field focused. */
    public void jumpTo(Problem problem) {
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

    /** The config page that edits {@code path} (not the review page, which shows them all). */
    private WizardPage ownerOf(String path) {
        return pages.stream().filter(this::isConfigPage).filter(p -> p.owns(path)).findFirst().orElse(null);
    }

    private boolean isConfigPage(WizardPage p) {
        return p != reviewPage && !p.owns("") && pages.indexOf(p) > 0 && p != runPage && p != finishPage
                && p != startPage;
    }

    /** Every problem is shown from now on: the config came from a file, a cluster, or is being reviewed. */
    private void showAllProblems() {
        revealAll = true;
        showProblems();
    }

    /** A new, blank config: values still to fill in are shown only once their field was visited. */
    private void hideMissingValues() {
        revealAll = false;
        revealed.clear();
        pages.forEach(p -> p.fields().forgetTouched());
        showProblems();
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
                .thenComparingInt(p -> pages.indexOf(ownerOf(p.path())))
                .thenComparing(Problem::severity));
        visible.setAll(shown);
        pages.forEach(p -> p.showProblems(shown, wording));
    }

    /**
     * How the admin knows {@code path}: the form's label ("Resource 2 › Minor"), after its page's title when it is
     * on another page ("Replication › Resource 2 › Minor"), or the path in words when no page names it.
     */
    public Optional<String> labelFor(String path) {
        WizardPage owner = ownerOf(path);
        if (owner == null) {
            return Optional.empty();
        }
        owner.content(); // a page builds its form on first use; its labels come from the form
        String label = owner.fields().labelFor(path).orElse(ProblemWording.inWords(path));
        return Optional.of(owner == current.get() ? label : owner.title() + " › " + label);
    }

    private String problemsTitle() {
        long hidden = validation.problems().stream().filter(p -> !visible.contains(p)).count();
        return "Problems (" + visible.size() + ")" + (hidden == 0 ? ""
                : " · " + hidden + (hidden == 1 ? " value" : " values") + " still to fill in");
    }

    private static boolean enterMeansNext(Object target) {
        if (target instanceof ComboBox<?> box) {
            return !box.isShowing();
        }
        return target instanceof TextField || target instanceof CheckBox || target instanceof ScrollPane;
    }

    /** A problem as the form says it: the field's label, the sentence, and the config path in small print. */
    private final class ProblemCell extends ListCell<Problem> {
        @Override
        protected void updateItem(Problem p, boolean empty) {
            super.updateItem(p, empty);
            setText(null);
            if (empty || p == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            FontIcon icon = new FontIcon(p.isError() ? MaterialDesignC.CLOSE_CIRCLE : MaterialDesignA.ALERT);
            icon.setIconColor(p.isError() ? javafx.scene.paint.Color.CRIMSON : javafx.scene.paint.Color.DARKORANGE);
            Label where = new Label(labelFor(p.path()).orElse(p.path().isEmpty() ? "The config" : p.path()));
            where.getStyleClass().add("problem-where");
            Label what = new Label(wording.sentence(p));
            what.getStyleClass().add("problem-what");
            Label path = new Label(p.path().isEmpty() ? p.code().name() : p.path() + " · " + p.code());
            path.getStyleClass().add("problem-path");
            HBox line = new HBox(6, icon, where, what);
            line.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(what, Priority.ALWAYS);
            what.setMinWidth(0);
            VBox both = new VBox(0, line, path);
            path.setPadding(new Insets(0, 0, 0, 22));
            setGraphic(both);
            setAccessibleText(where.getText() + ": " + what.getText());
            setTooltip(new Tooltip(what.getText() + "\n" + p.path() + " [" + p.code() + "] — click to go to the field"));
        }
    }

    private String title() {
        Path f = model.fileProperty().get();
        return "hainstall — " + (f == null ? "new cluster" : f.getFileName()) + (model.isDirty() ? " *" : "");
    }

    private void buildLayout() {
        steps.setId("steps");
        steps.getItems().setAll(pages);
        steps.setPrefWidth(190);
        steps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(WizardPage p, boolean empty) {
                super.updateItem(p, empty);
                graphicProperty().unbind();
                setText(empty || p == null ? null : p.title());
                if (empty || p == null || p.owns("")) {
                    setGraphic(null);
                    return;
                }
                // Pages with errors carry a mark in the list, so the admin sees where to go.
                graphicProperty().bind(Bindings.createObjectBinding(() -> {
                    if (!p.hasErrorsProperty().get()) {
                        return null;
                    }
                    FontIcon icon = new FontIcon(MaterialDesignC.CLOSE_CIRCLE);
                    icon.setIconColor(javafx.scene.paint.Color.CRIMSON);
                    return icon;
                }, p.hasErrorsProperty()));
            }
        });
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != current.get()) {
                go(b);
            }
        });

        problemList.setId("problems");
        problemList.setItems(visible);
        // As tall as its problems, up to three; the page keeps the rest of the window.
        problemList.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 6.0 + 38.0 * Math.max(1, Math.min(3, visible.size())), visible));
        problemList.setPlaceholder(new Label("No problems."));
        problemList.setCellFactory(v -> new ProblemCell());
        problemList.setOnMouseClicked(e -> {
            Problem p = problemList.getSelectionModel().getSelectedItem();
            if (p != null) {
                jumpTo(p);
            }
        });
        problemList.setOnKeyPressed(e -> {
            Problem p = problemList.getSelectionModel().getSelectedItem();
            if (p != null && e.getCode() == KeyCode.ENTER) {
                jumpTo(p);
                e.consume();
            }
        });
        TitledPane problemsPane = new TitledPane();
        problemsPane.setId("problems-pane");
        problemsPane.textProperty().bind(Bindings.createStringBinding(this::problemsTitle, visible,
                validation.problems()));
        problemsPane.setContent(problemList);
        // Open while there is something to see; folded away (one line) when the config is clean.
        problemsPane.setExpanded(!visible.isEmpty());
        visible.addListener((ListChangeListener<Problem>) c -> problemsPane.setExpanded(!visible.isEmpty()));

        back.setId("back");
        back.setTooltip(new Tooltip("The previous page (Alt+B)"));
        back.setOnAction(e -> back());
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> pages.indexOf(current.get()) <= 0, current));
        next.setId("next");
        next.setDefaultButton(false);
        next.setTooltip(new Tooltip("The next page (Alt+N, or Enter in a field); held while this page has errors"));
        next.setOnAction(e -> next());
        current.addListener((o, a, b) -> rebindNext());
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> model.fileProperty().get() == null
                ? "not saved yet" : model.fileProperty().get().toString(), model.fileProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, fileLabel, gap, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8, 12, 8, 12));

        // Enter in a field of a config page goes to the next page, as in an installer. Buttons, lists and the
        // log keep Enter for themselves; a text field passes it on when it has no action of its own.
        rootPane.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown() && !e.isControlDown() && !e.isAltDown()
                    && !e.isMetaDown() && isConfigPage(current.get()) && enterMeansNext(e.getTarget())) {
                e.consume();
                next();
            }
        });
        rootPane.setTop(menu());
        rootPane.setLeft(steps);
        rootPane.setCenter(center);
        rootPane.setBottom(new VBox(problemsPane, buttons));
    }

    private void rebindNext() {
        WizardPage p = current.get();
        next.disableProperty().unbind();
        boolean last = pages.indexOf(p) == pages.size() - 1;
        if (p == runPage) {
            next.disableProperty().bind(runPage.runningProperty());
        } else {
            next.disableProperty().bind(p.hasErrorsProperty().or(Bindings.createBooleanBinding(() -> last)));
        }
    }

    private MenuBar menu() {
        MenuItem newItem = item("_New cluster", "Shortcut+N", this::newCluster);
        MenuItem openItem = item("_Open…", "Shortcut+O", this::open);
        Menu recentMenu = new Menu("Open _recent");
        recentMenu.setOnShowing(e -> {
            recentMenu.getItems().clear();
            recent.list().forEach(f -> recentMenu.getItems().add(item(f.toString(), null, () -> open(f))));
            if (recentMenu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recentMenu.getItems().add(none);
            }
        });
        recentMenu.getItems().add(new MenuItem("(none)"));
        MenuItem saveItem = item("_Save", "Shortcut+S", () -> save());
        MenuItem saveAsItem = item("Save _as…", "Shortcut+Shift+S", () -> saveAs());
        MenuItem quit = item("_Quit", "Shortcut+Q", this::requestClose);
        Menu file = new Menu("_File", null, newItem, openItem, recentMenu, new SeparatorMenuItem(), saveItem,
                saveAsItem, new SeparatorMenuItem(), quit);
        Menu go = new Menu("_Go", null, item("_Back", "Alt+Left", this::back), item("_Next", "Alt+Right", this::next),
                item("_Start page", "Alt+Home", () -> go(startPage)));
        MenuItem about = item("_About hainstall", null, this::about);
        about.setId("menu-about");
        MenuItem guide = item("_User guide (README)", "F1", this::openReadme);
        guide.setDisable(services.about().readme().isEmpty());
        Menu help = new Menu("_Help", null, guide, new SeparatorMenuItem(), about);
        startPage.showRecent(recent.list());
        return new MenuBar(file, go, help);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
