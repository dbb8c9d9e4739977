package org.hainstall.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
import org.hainstall.core.config.Problem;
import org.hainstall.ui.model.ConfigModel;
import org.hainstall.ui.pages.WizardPage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The wizard's window as it looks: the menu, the page list on the left (pages with errors marked), the current
 * page, the problems list below it, the file name and Back/Next. It shows what {@link WizardNavigation} decides
 * and hands every action to the {@link Wizard}.
 */
final class WizardLayout {
    private final Wizard wizard;
    private final WizardNavigation navigation;
    private final ConfigModel model;
    private final StackPane center = new StackPane();
    private final ListView<WizardPage> steps = new ListView<>();
    private final ListView<Problem> problemList = new ListView<>();
    private final Button back = new Button("_Back");
    private final Button next = new Button("_Next");
    private final Label fileLabel = new Label();
    private final BorderPane rootPane = new BorderPane();

    WizardLayout(Wizard wizard, WizardNavigation navigation, ConfigModel model) {
        this.wizard = wizard;
        this.navigation = navigation;
        this.model = model;
    }

    BorderPane root() {
        return rootPane;
    }

    /** Puts {@code page} in the middle and marks it in the page list. */
    void show(WizardPage page) {
        center.getChildren().setAll(page.content());
        steps.getSelectionModel().select(page);
    }

    void build() {
        buildSteps();
        TitledPane problemsPane = buildProblems();

        back.setId("back");
        back.setTooltip(new Tooltip("The previous page (Alt+B)"));
        back.setOnAction(e -> wizard.back());
        back.disableProperty().bind(Bindings.createBooleanBinding(
                () -> navigation.pages().indexOf(navigation.currentProperty().get()) <= 0,
                navigation.currentProperty()));
        next.setId("next");
        next.setDefaultButton(false);
        next.setTooltip(new Tooltip("The next page (Alt+N, or Enter in a field); held while this page has errors"));
        next.setOnAction(e -> wizard.next());
        next.disableProperty().bind(navigation.nextHeldProperty());
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
                    && !e.isMetaDown() && navigation.isConfigPage(navigation.currentProperty().get())
                    && enterMeansNext(e.getTarget())) {
                e.consume();
                wizard.next();
            }
        });
        rootPane.setTop(menu());
        rootPane.setLeft(steps);
        rootPane.setCenter(center);
        rootPane.setBottom(new VBox(problemsPane, buttons));
    }

    private void buildSteps() {
        steps.setId("steps");
        steps.getItems().setAll(navigation.pages());
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
            if (b != null && b != navigation.currentProperty().get()) {
                navigation.go(b);
            }
        });
    }

    private TitledPane buildProblems() {
        ObservableList<Problem> visible = navigation.visibleProblems();
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
                navigation.jumpTo(p);
            }
        });
        problemList.setOnKeyPressed(e -> {
            Problem p = problemList.getSelectionModel().getSelectedItem();
            if (p != null && e.getCode() == KeyCode.ENTER) {
                navigation.jumpTo(p);
                e.consume();
            }
        });
        TitledPane problemsPane = new TitledPane();
        problemsPane.setId("problems-pane");
        problemsPane.textProperty().bind(Bindings.createStringBinding(navigation::problemsTitle, visible,
                wizard.validation().problems()));
        problemsPane.setContent(problemList);
        // Open while there is something to see; folded away (one line) when the config is clean.
        problemsPane.setExpanded(!visible.isEmpty());
        visible.addListener((ListChangeListener<Problem>) c -> problemsPane.setExpanded(!visible.isEmpty()));
        return problemsPane;
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
            Label where = new Label(navigation.labelFor(p.path()).orElse(p.path().isEmpty() ? "The config"
                    : p.path()));
            where.getStyleClass().add("problem-where");
            Label what = new Label(navigation.wording().sentence(p));
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

    private MenuBar menu() {
        MenuItem newItem = item("_New cluster", "Shortcut+N", wizard::newCluster);
        MenuItem openItem = item("_Open…", "Shortcut+O", wizard::open);
        Menu recentMenu = new Menu("Open _recent");
        recentMenu.setOnShowing(e -> {
            recentMenu.getItems().clear();
            wizard.recentFiles().forEach(f -> recentMenu.getItems().add(item(f.toString(), null,
                    () -> wizard.open(f))));
            if (recentMenu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recentMenu.getItems().add(none);
            }
        });
        recentMenu.getItems().add(new MenuItem("(none)"));
        MenuItem saveItem = item("_Save", "Shortcut+S", () -> wizard.save());
        MenuItem saveAsItem = item("Save _as…", "Shortcut+Shift+S", () -> wizard.saveAs());
        MenuItem quit = item("_Quit", "Shortcut+Q", wizard::requestClose);
        Menu file = new Menu("_File", null, newItem, openItem, recentMenu, new SeparatorMenuItem(), saveItem,
                saveAsItem, new SeparatorMenuItem(), quit);
        Menu go = new Menu("_Go", null, item("_Back", "Alt+Left", wizard::back),
                item("_Next", "Alt+Right", wizard::next), item("_Start page", "Alt+Home", () -> wizard.go("start")));
        MenuItem about = item("_About hainstall", null, wizard::about);
        about.setId("menu-about");
        MenuItem guide = item("_User guide (README)", "F1", wizard::openReadme);
        guide.setDisable(wizard.services().about().readme().isEmpty());
        Menu help = new Menu("_Help", null, guide, new SeparatorMenuItem(), about);
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
