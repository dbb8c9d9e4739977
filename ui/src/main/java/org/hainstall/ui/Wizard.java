package org.hainstall.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.ui.model.ConfigModel;
import org.hainstall.ui.pages.ConfigPages;
import org.hainstall.ui.pages.FinishPage;
import org.hainstall.ui.pages.Generators;
import org.hainstall.ui.pages.ReviewPage;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.pages.StartPage;
import org.hainstall.ui.pages.WizardPage;
import org.hainstall.ui.validation.LiveValidation;

/**
 * The wizard's window, put together from parts with one job each: the config as a document
 * ({@link WizardDocument}), where the admin is and which problems are shown ({@link WizardNavigation}), the
 * reconstruct and clone flows ({@link WizardFlows}), and how it all looks ({@link WizardLayout}). This class builds
 * the pages, owns the window (showing it, the guards on closing) and is what the pages and tests talk to.
 * Build it on the FX thread.
 */
public final class Wizard implements StartPage.Actions {
    private final WizardServices services;
    private final ConfigModel model = new ConfigModel();
    private final LiveValidation validation;
    private final Preferences windowPrefs;
    private final StartPage startPage;
    private final ReviewPage reviewPage;
    private final RunPage runPage;
    private final WizardDocument document;
    private final WizardNavigation navigation;
    private final WizardFlows flows;
    private final WizardLayout layout;
    private Stage stage;

    public Wizard(WizardServices services) {
        this.services = services;
        this.validation = new LiveValidation(model, services.validator());
        this.windowPrefs = services.prefs().node("window");
        startPage = new StartPage(this, services.reconstruction().available());
        document = new WizardDocument(services, model, () -> stage, startPage::showRecent, this::fileOpened);
        reviewPage = new ReviewPage(model::toConfig, () -> model.fileProperty().get(), services.files(),
                services.workflows());
        runPage = new RunPage(services.workflows(), model::toConfig, () -> model.fileProperty().get(),
                () -> model.isDirty() || model.fileProperty().get() == null ? save()
                        : CompletableFuture.completedFuture(true),
                confirmation -> services.dialogs().confirmRun(stage, confirmation),
                services.folders(), services.io(), services.clock());
        FinishPage finishPage = new FinishPage(() -> save(),
                model.dirtyProperty().or(model.fileProperty().isNull()), this::openLogFolder, this::requestClose);
        List<WizardPage> pages = new ArrayList<>();
        pages.add(startPage);
        pages.addAll(new ConfigPages(model.root(), new Generators(services.random()), model.revisionProperty()).all());
        pages.add(reviewPage);
        pages.add(runPage);
        pages.add(finishPage);
        navigation = new WizardNavigation(new WizardNavigation.Pages(pages, startPage, reviewPage, runPage,
                finishPage), page -> layout().show(page), model, validation);
        // A run starts only from a config without errors, shown or not yet shown.
        runPage.blockedProperty().bind(navigation.configHasErrorsProperty());
        flows = new WizardFlows(services, model, validation, document, navigation, startPage, () -> stage);
        model.load(blank(), null);
        validation.validateNow();
        layout = new WizardLayout(this, navigation, model);
        layout.build();
        startPage.showRecent(document.recentFiles());
        navigation.go(startPage);
    }

    /** The layout once built; the navigation shows its first page only after that. */
    private WizardLayout layout() {
        return layout;
    }

    /** A new cluster: two empty nodes, nothing else filled in. */
    static ClusterConfig blank() {
        ClusterConfig.Node empty = new ClusterConfig.Node(null, null, null, null, null, null);
        return new ClusterConfig(null, null, null, null, null, null, null, List.of(empty, empty), null, null,
                new ClusterConfig.Heartbeat(null, null, null, null, null, false), null, null);
    }

    public void show(Stage stage, Optional<Path> config) {
        this.stage = stage;
        Scene scene = new Scene(layout.root(), windowPrefs.getDouble("width", 1100),
                windowPrefs.getDouble("height", 760));
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
        return navigation.pages();
    }

    public WizardPage page(String id) {
        return navigation.page(id);
    }

    public WizardPage currentPage() {
        return navigation.currentProperty().get();
    }

    public RunPage runPage() {
        return runPage;
    }

    /** The problems shown now, the current page's first. */
    public ObservableList<Problem> visibleProblems() {
        return navigation.visibleProblems();
    }

    /** True while the config has an error, shown or not (a value still to fill in counts). */
    public ReadOnlyBooleanProperty configHasErrorsProperty() {
        return navigation.configHasErrorsProperty();
    }

    public ReviewPage reviewPage() {
        return reviewPage;
    }

    public BorderPane root() {
        return layout.root();
    }

    // ---- navigation --------------------------------------------------------------------------------------

    public void go(String pageId) {
        navigation.go(pageId);
    }

    /**
     * The next page. A page whose values are not all filled in stays, and now says which ones are missing (they
     * were not shown while the admin had not been to them).
     */
    public void next() {
        navigation.next();
    }

    public void back() {
        navigation.back();
    }

    /** Shows a problem's field: its page, and the field focused. */
    public void jumpTo(Problem problem) {
        navigation.jumpTo(problem);
    }

    /** How the admin knows {@code path}: the form's label, after its page's title when on another page. */
    public Optional<String> labelFor(String path) {
        return navigation.labelFor(path);
    }

    // ---- start page actions ------------------------------------------------------------------------------

    @Override
    public void newCluster() {
        document.whenSafeToReplace(() -> {
            model.load(blank(), null);
            validation.setExtraChecks(c -> List.of());
            navigation.hideMissingValues();
            navigation.go("cluster");
        });
    }

    @Override
    public void open() {
        document.whenSafeToReplace(() -> services.dialogs().chooseOpen(stage).ifPresent(this::openFile));
    }

    @Override
    public void open(Path file) {
        document.whenSafeToReplace(() -> openFile(file));
    }

    @Override
    public void reconstruct() {
        flows.reconstruct();
    }

    /**
     * Loads a reconstructed config as a new, unsaved one; what could not be read stays in the problems list as
     * warnings until another config is loaded.
     */
    public void loadReconstructed(Reconstruction.Result result) {
        flows.loadReconstructed(result);
    }

    /** True while a reconstruct is reading the live cluster. */
    public ReadOnlyBooleanProperty readingProperty() {
        return flows.readingProperty();
    }

    @Override
    public void cloneCluster() {
        flows.cloneCluster();
    }

    /** Replaces the loaded config by core's proposal for a second cluster beside it (see {@link WizardFlows}). */
    public void proposeClone() {
        flows.proposeClone();
    }

    // ---- files -------------------------------------------------------------------------------------------

    /**
     * Opens {@code file} without asking about unsaved changes. Completes (on the FX thread) with false, and an
     * error shown, if it cannot be read; the config being edited is then left as it was.
     */
    public CompletableFuture<Boolean> openFile(Path file) {
        return document.openFile(file);
    }

    /** Saves to the current file, or asks for one; completes with false if not saved. */
    public CompletableFuture<Boolean> save() {
        return document.save();
    }

    public CompletableFuture<Boolean> saveAs() {
        return document.saveAs();
    }

    /** Writes the config as it is now; edits made while it is written stay unsaved. */
    public CompletableFuture<Boolean> saveTo(Path file) {
        return document.saveTo(file);
    }

    List<Path> recentFiles() {
        return document.recentFiles();
    }

    /** A file's config is in the model: it is judged whole, every problem shown. */
    private void fileOpened() {
        validation.setExtraChecks(c -> List.of());
        validation.validateNow();
        navigation.showAllProblems();
        navigation.go("cluster");
    }

    // ---- closing and help --------------------------------------------------------------------------------

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
        document.whenSafeToReplace(this::closeNow);
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

    void openReadme() {
        services.about().readme().ifPresent(runPage::openFolder);
    }

    private String title() {
        Path f = model.fileProperty().get();
        return "hainstall — " + (f == null ? "new cluster" : f.getFileName()) + (model.isDirty() ? " *" : "");
    }
}
