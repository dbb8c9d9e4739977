package org.hainstall.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
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
import org.hainstall.ui.files.RecentFiles;
import org.hainstall.ui.model.ConfigModel;
import org.hainstall.ui.pages.ConfigPages;
import org.hainstall.ui.pages.FinishPage;
import org.hainstall.ui.pages.Generators;
import org.hainstall.ui.pages.ReviewPage;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.pages.StartPage;
import org.hainstall.ui.pages.WizardPage;
import org.hainstall.ui.validation.LiveValidation;
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
    private final Button back = new Button("_Back");
    private final Button next = new Button("_Next");
    private final Label fileLabel = new Label();
    private final BorderPane rootPane = new BorderPane();
    private final javafx.beans.property.ReadOnlyBooleanWrapper reading =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "reading");
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
                services.folders(), services.io(), services.clock());
        finishPage = new FinishPage(() -> save(), this::openLogFolder, this::requestClose);
        runPage.blockedProperty().bind(reviewPage.hasErrorsProperty());
        pages.add(startPage);
        pages.addAll(new ConfigPages(model.root(), new Generators(services.random())).all());
        pages.add(reviewPage);
        pages.add(runPage);
        pages.add(finishPage);
        validation.problems().addListener((ListChangeListener<Problem>) c -> showProblems());
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

    public ReviewPage reviewPage() {
        return reviewPage;
    }

    public BorderPane root() {
        return rootPane;
    }

    public void go(String pageId) {
        go(page(pageId));
    }

    public void next() {
        int i = pages.indexOf(current.get());
        if (i + 1 < pages.size() && !next.isDisabled()) {
            go(pages.get(i + 1));
        }
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
        go("cluster");
    }

    /** "nodes[1].address: why" → a warning on that path. */
    private static Problem unreadable(String entry) {
        int colon = entry.indexOf(": ");
        String path = colon > 0 && !entry.substring(0, colon).contains(" ") ? entry.substring(0, colon) : "";
        String why = colon > 0 && !path.isEmpty() ? entry.substring(colon + 2) : entry;
        return Problem.warning(path, "RECONSTRUCT_UNREADABLE", "could not be read from the cluster: " + why);
    }

    /** True while a reconstruct is reading the live cluster. */
    public javafx.beans.property.ReadOnlyBooleanProperty readingProperty() {
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

    // ---- layout and navigation ---------------------------------------------------------------------------

    private void go(WizardPage page) {
        current.set(page);
        center.getChildren().setAll(page.content());
        steps.getSelectionModel().select(page);
        page.entered();
        if (page == finishPage) {
            finishPage.setSummary(runPage.statusText());
        }
    }

    /** Shows a problem's field: its page, and the field focused. */
    public void jumpTo(Problem problem) {
        for (WizardPage p : pages) {
            Optional<Control> c = p.fields().controlFor(problem.path());
            if (c.isPresent()) {
                go(p);
                Platform.runLater(c.get()::requestFocus);
                return;
            }
        }
        pages.stream().filter(p -> !p.owns("") && p.owns(problem.path())).findFirst().ifPresent(this::go);
    }

    private void showProblems() {
        List<Problem> all = List.copyOf(validation.problems());
        pages.forEach(p -> p.showProblems(all));
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
        problemList.setItems(validation.problems());
        problemList.setPrefHeight(84);
        problemList.setPlaceholder(new Label("No problems."));
        problemList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                FontIcon icon = new FontIcon(p.isError() ? MaterialDesignC.CLOSE_CIRCLE : MaterialDesignA.ALERT);
                icon.setIconColor(p.isError() ? javafx.scene.paint.Color.CRIMSON
                        : javafx.scene.paint.Color.DARKORANGE);
                setGraphic(icon);
                setText(p.path() + ": " + p.message());
                setTooltip(new Tooltip(p.code() + " — click to go to the field"));
            }
        });
        problemList.setOnMouseClicked(e -> {
            Problem p = problemList.getSelectionModel().getSelectedItem();
            if (p != null) {
                jumpTo(p);
            }
        });
        problemList.setOnKeyPressed(e -> {
            Problem p = problemList.getSelectionModel().getSelectedItem();
            if (p != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                jumpTo(p);
            }
        });
        TitledPane problemsPane = new TitledPane();
        problemsPane.textProperty().bind(Bindings.size(validation.problems()).asString("Problems (%d)"));
        problemsPane.setContent(problemList);
        // Open while there is something to see; folded away (one line) when the config is clean.
        problemsPane.setExpanded(!validation.problems().isEmpty());
        validation.problems().addListener((ListChangeListener<Problem>) c ->
                problemsPane.setExpanded(!validation.problems().isEmpty()));

        back.setId("back");
        back.setTooltip(new Tooltip("The previous page (Alt+B)"));
        back.setOnAction(e -> back());
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> pages.indexOf(current.get()) <= 0, current));
        next.setId("next");
        next.setDefaultButton(false);
        next.setTooltip(new Tooltip("The next page (Alt+N); held while this page has errors"));
        next.setOnAction(e -> next());
        current.addListener((o, a, b) -> rebindNext());
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> model.fileProperty().get() == null
                ? "not saved yet" : model.fileProperty().get().toString(), model.fileProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, fileLabel, gap, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8, 12, 8, 12));

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
        startPage.showRecent(recent.list());
        return new MenuBar(file, go);
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
