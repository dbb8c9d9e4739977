package org.hainstall.ui.pages;

import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.run.RunModeChoice;

/**
 * The run page's view: the mode, Start, Cancel and Open-log buttons over the status line, then the tree beside the
 * prompts and the log. Its buttons act through the page's own public methods, as a user of the page would.
 */
final class RunPageLayout {
    private final RunPage page;
    private final Label status;
    private final boolean wired;

    /** {@code wired} is whether the install engine is in this build; without it nothing can start. */
    RunPageLayout(RunPage page, Label status, boolean wired) {
        this.page = page;
        this.status = status;
        this.wired = wired;
    }

    BorderPane build() {
        ComboBox<RunMode> mode = new ComboBox<>();
        RunModeChoice.fill(mode);
        mode.setId("run-mode");
        mode.setTooltip(new Tooltip("create: new nodes, provisioned first; modify: existing nodes over SSH"));
        Button start = new Button("_Start");
        start.setId("run-start");
        start.setTooltip(new Tooltip("Start the run"));
        start.setOnAction(e -> page.start(mode.getValue()));
        start.disableProperty().bind(page.runningProperty().or(page.blockedProperty()).or(page.planningProperty())
                .or(new SimpleBooleanProperty(!wired)));
        Button cancel = new Button("Cancel _run");
        cancel.setId("run-cancel");
        cancel.setTooltip(new Tooltip("Stop at the next step boundary, with a summary of what changed"));
        cancel.setOnAction(e -> page.cancel());
        cancel.disableProperty().bind(page.runningProperty().not());
        Button openLogs = new Button("Open _log folder");
        openLogs.setId("run-logs");
        openLogs.setTooltip(new Tooltip("Open this run's log folder (once a run has made it)"));
        openLogs.setOnAction(e -> page.logFolder().ifPresent(page::openFolder));
        openLogs.disableProperty().bind(page.runFolderProperty().isNull());
        status.setId("run-status");
        for (Button b : List.of(start, cancel, openLogs)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label modeLabel = new Label("_Mode");
        modeLabel.setMnemonicParsing(true);
        modeLabel.setLabelFor(mode);
        mode.setMinWidth(Region.USE_PREF_SIZE);
        modeLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, modeLabel, mode, start, cancel, openLogs);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // The status on a line of its own: it can be long ("Not started: the dry run failed: …").
        status.setWrapText(true);
        VBox bar = new VBox(4, buttons, status);
        bar.setPadding(new Insets(0, 0, 8, 0));

        page.tree().setId("run-tree");
        page.tree().setShowRoot(true);
        page.tree().setCellFactory(t -> new RunCell());
        page.tree().getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                page.log().setScope(b == null ? null : b.getValue()));
        VBox right = new VBox(6, page.prompts().node(), page.log().node());
        VBox.setVgrow(page.log().node(), Priority.ALWAYS);
        SplitPane split = new SplitPane(page.tree(), right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.36);

        BorderPane pane = new BorderPane(split);
        pane.setTop(wired ? bar : new VBox(8, notWired(), bar));
        pane.setPadding(new Insets(12));
        return pane;
    }

    private static Label notWired() {
        Label l = new Label("The install engine is not wired into this build yet: the run page shows a run's "
                + "progress, logs and prompts once it is. The command line says the same (exit 3).");
        l.setWrapText(true);
        l.getStyleClass().add("placeholder");
        return l;
    }
}
