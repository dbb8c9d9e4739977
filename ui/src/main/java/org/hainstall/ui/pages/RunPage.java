package org.hainstall.ui.pages;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.Prompt;
import org.hainstall.ui.run.EventPump;
import org.hainstall.ui.run.FolderOpener;
import org.hainstall.ui.run.LogLine;
import org.hainstall.ui.run.LogView;
import org.hainstall.ui.run.PromptBanners;
import org.hainstall.ui.run.RunHandle;
import org.hainstall.ui.run.RunItem;
import org.hainstall.ui.run.RunRequest;
import org.hainstall.ui.run.RunTree;
import org.hainstall.ui.run.StatusIcons;
import org.hainstall.ui.run.UiAdminPrompter;
import org.hainstall.ui.run.Workflows;
import org.hainstall.ui.validation.PageFields;

/**
 * The run: a tree cluster → node → step with status icons, durations and counts; the selected row's live log;
 * the admin's prompts in place. Core's events arrive through an {@link EventPump} in batches.
 */
public final class RunPage extends WizardPage {
    private final Workflows workflows;
    private final Supplier<ClusterConfig> config;
    private final Supplier<Path> configFile;
    private final FolderOpener folders;
    private final Executor io;
    private final Supplier<java.util.concurrent.CompletableFuture<Boolean>> saveFirst;
    private final EventPump pump = new EventPump(this::onBatch);
    private final UiAdminPrompter prompter;
    private final PromptBanners prompts;
    private final LogView log = new LogView();
    private final TreeView<RunItem> tree = new TreeView<>();
    private final Label status = new Label("Not started.");
    private final ComboBox<String> mode = new ComboBox<>();
    private final Button start = new Button("_Start");
    private final Button cancel = new Button("Cancel _run");
    private final Button openLogs = new Button("Open _log folder");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final javafx.beans.property.BooleanProperty blocked =
            new javafx.beans.property.SimpleBooleanProperty(this, "blocked");
    private RunTree runTree;
    private RunHandle handle;
    private long lastTreeRefresh;

    public RunPage(Workflows workflows, Supplier<ClusterConfig> config, Supplier<Path> configFile,
                   FolderOpener folders, Executor io, Clock clock) {
        this(workflows, config, configFile, () -> java.util.concurrent.CompletableFuture.completedFuture(true),
                folders, io, clock);
    }

    /**
     * {@code saveFirst} saves the config if it has changes (the run's secrets and state folders live beside the
     * file) and completes with whether it may go on.
     */
    public RunPage(Workflows workflows, Supplier<ClusterConfig> config, Supplier<Path> configFile,
                   Supplier<java.util.concurrent.CompletableFuture<Boolean>> saveFirst,
                   FolderOpener folders, Executor io, Clock clock) {
        super("run", "Run", List.of(), new PageFields());
        this.workflows = workflows;
        this.config = config;
        this.configFile = configFile;
        this.folders = folders;
        this.io = io;
        this.saveFirst = saveFirst;
        this.prompter = new UiAdminPrompter(pump, clock);
        this.prompts = new PromptBanners(this::answer);
        setContent(build());
    }

    /** True while the config has errors: no run starts then. */
    public javafx.beans.property.BooleanProperty blockedProperty() {
        return blocked;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public TreeView<RunItem> tree() {
        return tree;
    }

    public RunTree runTree() {
        return runTree;
    }

    public LogView log() {
        return log;
    }

    public EventPump eventPump() {
        return pump;
    }

    public PromptBanners prompts() {
        return prompts;
    }

    public String statusText() {
        return status.getText();
    }

    /** Starts {@code mode} ("create" or "modify") on the engine. */
    public void start(String runMode) {
        if (running.get() || !workflows.available()) {
            return;
        }
        if (blocked.get()) {
            status.setText("The config has errors: fix the problems listed below first.");
            return;
        }
        saveFirst.get().thenAccept(saved -> {
            if (saved) {
                begin(runMode);
            } else {
                status.setText("Not started: the config must be saved first (its secrets live beside it).");
            }
        });
    }

    private void begin(String runMode) {
        if (running.get()) {
            return;
        }
        ClusterConfig c = config.get();
        String name = c == null || c.cluster() == null || c.cluster().name() == null ? "cluster" : c.cluster().name();
        runTree = new RunTree(name);
        tree.setRoot(runTree.root());
        tree.getSelectionModel().select(runTree.root());
        log.clear();
        prompts.clear();
        running.set(true);
        finished.set(false);
        status.setText("Running " + runMode + "…");
        pump.start();
        handle = workflows.start(new RunRequest(c, configFile.get(), runMode, false), pump, prompter);
        // One hop to the FX thread for the end of the run, not one per event.
        handle.finished().whenComplete((v, err) -> Platform.runLater(() -> ended(err)));
    }

    /** Asks the run to stop at the next step boundary; open prompts are answered Cancel. */
    public void cancel() {
        if (handle != null && running.get()) {
            status.setText("Cancelling at the next step boundary…");
            handle.cancel();
            prompter.cancelAll();
        }
    }

    /** Cancels and runs {@code then} on the FX thread once the run has stopped. */
    public void cancelThen(Runnable then) {
        if (!running.get()) {
            then.run();
            return;
        }
        cancel();
        handle.finished().whenComplete((v, err) -> Platform.runLater(then));
    }

    public Optional<Path> logFolder() {
        return handle == null ? Optional.empty() : handle.logFolder();
    }

    private void ended(Throwable err) {
        pump.stop();
        running.set(false);
        finished.set(true);
        prompter.cancelAll();
        if (err != null) {
            status.setText("The run stopped with an error: " + err.getMessage());
        } else if (runTree != null && runTree.runFinished()) {
            status.setText((runTree.runSucceeded() ? "Finished: " : "Failed: ") + runTree.runSummary());
        } else {
            status.setText("The run ended.");
        }
        tree.refresh();
    }

    private void answer(Prompt prompt, Prompt.Answer answer) {
        prompter.answer(prompt.id(), answer);
        prompts.hide(prompt.id());
        log.append(List.of(new LogLine(java.time.Instant.now(), null, LogLine.Kind.NOTE,
                "prompt \"" + prompt.title() + "\" answered " + answer)));
    }

    private void onBatch(List<Event> batch) {
        if (runTree == null) {
            return;
        }
        runTree.accept(batch);
        List<LogLine> lines = new ArrayList<>();
        boolean statusChanged = false;
        for (Event e : batch) {
            statusChanged |= !(e instanceof Event.OutputLine);
            if (e instanceof Event.OutputLine o) {
                lines.add(new LogLine(o.at(), o.step(),
                        o.stream() == org.hainstall.core.remote.OutputListener.Stream.STDERR
                                ? LogLine.Kind.ERR : LogLine.Kind.OUT, o.line()));
            } else if (e instanceof Event.StepStarted s) {
                lines.add(new LogLine(s.at(), s.step(), LogLine.Kind.NOTE, "▶ " + s.title()));
            } else if (e instanceof Event.ChangePlanned c) {
                lines.add(new LogLine(c.at(), c.step(), LogLine.Kind.NOTE, "change: " + c.description()));
            } else if (e instanceof Event.StepFinished f) {
                lines.add(new LogLine(f.at(), f.step(), LogLine.Kind.NOTE, "■ " + f.outcome() + " in "
                        + StatusIcons.format(f.took()) + (f.summary() == null ? "" : ": " + f.summary())));
            } else if (e instanceof Event.PromptRequested p) {
                prompts.show(p.prompt());
                lines.add(new LogLine(p.at(), null, LogLine.Kind.NOTE, "prompt: " + p.prompt().title()));
            } else if (e instanceof Event.PromptAnswered a) {
                prompts.hide(a.promptId());
            } else if (e instanceof Event.RunFinished f) {
                lines.add(new LogLine(f.at(), null, LogLine.Kind.NOTE, "run finished: " + f.summary()));
            }
        }
        log.append(lines);
        RunItem r = runTree.root().getValue();
        if (running.get()) {
            status.setText(String.format("%d of %d steps finished, %d changed, %d failed", r.finished(), r.total(),
                    r.changed(), r.failed()));
        }
        // Redraw the tree when a status changed, and once a second for the running steps' clocks;
        // a batch of output alone leaves it be.
        long now = System.nanoTime();
        if (statusChanged || now - lastTreeRefresh > 1_000_000_000L) {
            lastTreeRefresh = now;
            tree.refresh();
        }
    }

    private BorderPane build() {
        mode.getItems().addAll("create", "modify");
        mode.setValue("create");
        mode.setId("run-mode");
        mode.setTooltip(new Tooltip("create: new nodes, provisioned first; modify: existing nodes over SSH"));
        start.setId("run-start");
        start.setTooltip(new Tooltip("Start the run"));
        start.setOnAction(e -> start(mode.getValue()));
        start.disableProperty().bind(running.or(blocked)
                .or(new javafx.beans.property.SimpleBooleanProperty(!workflows.available())));
        cancel.setId("run-cancel");
        cancel.setTooltip(new Tooltip("Stop at the next step boundary, with a summary of what changed"));
        cancel.setOnAction(e -> cancel());
        cancel.disableProperty().bind(running.not());
        openLogs.setId("run-logs");
        openLogs.setTooltip(new Tooltip("Open this run's log folder"));
        openLogs.setOnAction(e -> logFolder().ifPresent(this::openFolder));
        status.setId("run-status");
        for (Button b : List.of(start, cancel, openLogs)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, new Label("Mode"), mode, start, cancel, openLogs, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));

        tree.setId("run-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new RunCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                log.setScope(b == null ? null : b.getValue()));
        VBox right = new VBox(6, prompts.node(), log.node());
        VBox.setVgrow(log.node(), javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(tree, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.36);

        BorderPane pane = new BorderPane(split);
        pane.setTop(workflows.available() ? bar : new VBox(8, notWired(), bar));
        pane.setPadding(new Insets(12));
        return pane;
    }

    private Label notWired() {
        Label l = new Label("The install engine is not wired into this build yet: the run page shows a run's "
                + "progress, logs and prompts once it is. The command line says the same (exit 3).");
        l.setWrapText(true);
        l.getStyleClass().add("placeholder");
        return l;
    }

    /** Shows the folder in the file manager, started off the FX thread. */
    public void openFolder(Path folder) {
        io.execute(() -> {
            try {
                folders.open(folder);
            } catch (IOException e) {
                Platform.runLater(() -> status.setText("Could not open " + folder + ": " + e.getMessage()));
            }
        });
    }

    private static final class RunCell extends TreeCell<RunItem> {
        @Override
        protected void updateItem(RunItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            StringBuilder text = new StringBuilder(item.label());
            if (item.kind() != RunItem.Kind.STEP) {
                text.append("   ").append(item.finished()).append('/').append(item.total());
                if (item.changed() > 0) {
                    text.append(" · ").append(item.changed()).append(" changed");
                }
                if (item.failed() > 0) {
                    text.append(" · ").append(item.failed()).append(" failed");
                }
            }
            if (item.took() != null) {
                text.append("   ").append(StatusIcons.format(item.took()));
            } else if (item.started() != null && item.status() == org.hainstall.ui.run.Status.RUNNING
                    && item.kind() == RunItem.Kind.STEP) {
                text.append("   ").append(StatusIcons.format(
                        java.time.Duration.between(item.started(), java.time.Instant.now())));
            }
            setText(text.toString());
            setGraphic(StatusIcons.icon(item.status()));
            setTooltip(item.summary().isEmpty() ? null : new Tooltip(item.summary()));
        }
    }
}
