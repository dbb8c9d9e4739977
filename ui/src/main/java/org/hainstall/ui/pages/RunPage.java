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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import org.hainstall.core.usecase.RunMode;
import org.hainstall.ui.run.DryRun;
import org.hainstall.ui.run.EventPump;
import org.hainstall.ui.run.FolderOpener;
import org.hainstall.ui.run.LogLine;
import org.hainstall.ui.run.LogView;
import org.hainstall.ui.run.PlanSummary;
import org.hainstall.ui.run.PromptBanners;
import org.hainstall.core.usecase.RunHandle;
import org.hainstall.ui.run.RunConfirmation;
import org.hainstall.ui.run.RunItem;
import org.hainstall.core.usecase.RunRequest;
import org.hainstall.ui.run.RunModeChoice;
import org.hainstall.ui.run.RunState;
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
    private final RunConfirmation.Asker confirm;
    private final EventPump pump = new EventPump(this::onBatch);
    private final UiAdminPrompter prompter;
    private final PromptBanners prompts;
    private final LogView log = new LogView();
    private final TreeView<RunItem> tree = new TreeView<>();
    private final Label status = new Label("Not started.");
    private final ComboBox<RunMode> mode = new ComboBox<>();
    private final Button start = new Button("_Start");
    private final Button cancel = new Button("Cancel _run");
    private final Button openLogs = new Button("Open _log folder");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper(this, "planning");
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.NOT_STARTED);
    private final ReadOnlyObjectWrapper<Path> runFolder = new ReadOnlyObjectWrapper<>(this, "runFolder");
    private final javafx.beans.property.BooleanProperty blocked =
            new javafx.beans.property.SimpleBooleanProperty(this, "blocked");
    private RunTree runTree;
    private RunHandle handle;
    private RunMode runMode;
    private boolean cancelRequested;
    private long lastTreeRefresh;

    public RunPage(Workflows workflows, Supplier<ClusterConfig> config, Supplier<Path> configFile,
                   RunConfirmation.Asker confirm, FolderOpener folders, Executor io, Clock clock) {
        this(workflows, config, configFile, () -> java.util.concurrent.CompletableFuture.completedFuture(true),
                confirm, folders, io, clock);
    }

    /**
     * {@code saveFirst} saves the config if it has changes (the run's secrets and state folders live beside the
     * file) and completes with whether it may go on; {@code confirm} shows the dry run's summary and asks before
     * anything is changed.
     */
    public RunPage(Workflows workflows, Supplier<ClusterConfig> config, Supplier<Path> configFile,
                   Supplier<java.util.concurrent.CompletableFuture<Boolean>> saveFirst, RunConfirmation.Asker confirm,
                   FolderOpener folders, Executor io, Clock clock) {
        super("run", "Run", List.of(), new PageFields());
        this.workflows = workflows;
        this.config = config;
        this.configFile = configFile;
        this.folders = folders;
        this.io = io;
        this.saveFirst = saveFirst;
        this.confirm = confirm;
        this.prompter = new UiAdminPrompter(pump, clock);
        this.prompts = new PromptBanners(this::answer);
        // Built the first time the page is shown (or a run starts): the first window does not wait for it.
        setContentBuilder(this::build);
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

    /** True while the dry run before a start is computed. */
    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    /** Not started, running, or how the last run ended. */
    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The mode of the run started last; null before any. */
    public RunMode runMode() {
        return runMode;
    }

    /** The folder of the run started last, once the run has made it. */
    public ReadOnlyObjectProperty<Path> runFolderProperty() {
        return runFolder.getReadOnlyProperty();
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

    /**
     * How the last run ended, as a sentence for the Finish page: the run's own summary ("1 step failed:
     * sales-db2/drbd"), or why it stopped; empty before any run.
     */
    public String resultText() {
        if (state.get() == RunState.NOT_STARTED) {
            return "";
        }
        if (state.get() == RunState.STOPPED || runTree == null || !runTree.runFinished()) {
            return statusText();
        }
        return runTree.runSummary();
    }

    /**
     * Starts a run of {@code runMode}: saves the config if needed, computes the dry run, shows its
     * summary per node (changes, destructive commands) and starts only once the admin confirms it.
     */
    public void start(RunMode runMode) {
        if (running.get() || planning.get() || !workflows.available()) {
            return;
        }
        if (blocked.get()) {
            status.setText("The config has errors: fix the problems listed below first.");
            return;
        }
        content();
        planning.set(true);
        saveFirst.get().thenAccept(saved -> {
            if (!saved) {
                planning.set(false);
                status.setText("Not started: the config must be saved first (its secrets live beside it).");
                return;
            }
            status.setText("Checking what " + runMode.word() + " will change (a dry run; nothing is changed)…");
            ClusterConfig c = config.get();
            new DryRun(workflows).of(new RunRequest(c, configFile.get(), runMode, true))
                    .whenComplete((events, err) -> Platform.runLater(() -> confirmThenBegin(runMode, c, events, err)));
        });
    }

    private void confirmThenBegin(RunMode runMode, ClusterConfig c, List<Event> events, Throwable err) {
        planning.set(false);
        if (err != null) {
            status.setText("Not started: the dry run failed: " + rootMessage(err));
            return;
        }
        PlanSummary plan = new PlanSummary();
        events.forEach(plan::accept);
        status.setText("The dry run plans " + plan.changes() + " changes: waiting for your answer.");
        if (!confirm.confirm(new RunConfirmation(runMode, clusterName(c), configFile.get(), plan))) {
            status.setText("Not started: you did not confirm the run. Nothing was changed.");
            return;
        }
        begin(runMode);
    }

    private static String clusterName(ClusterConfig c) {
        return c == null || c.cluster() == null || c.cluster().name() == null ? "cluster" : c.cluster().name();
    }

    private static String rootMessage(Throwable err) {
        Throwable t = err;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private void begin(RunMode runMode) {
        if (running.get()) {
            return;
        }
        ClusterConfig c = config.get();
        runTree = new RunTree(clusterName(c));
        tree.setRoot(runTree.root());
        tree.getSelectionModel().select(runTree.root());
        log.clear();
        prompts.clear();
        this.runMode = runMode;
        cancelRequested = false;
        runFolder.set(null);
        running.set(true);
        finished.set(false);
        state.set(RunState.RUNNING);
        status.setText("Running " + runMode.word() + "…");
        pump.start();
        handle = workflows.start(new RunRequest(c, configFile.get(), runMode, false), pump, prompter);
        // One hop to the FX thread for the end of the run, not one per event.
        handle.finished().whenComplete((v, err) -> Platform.runLater(() -> ended(err)));
    }

    /** Asks the run to stop at the next step boundary; open prompts are answered Cancel. */
    public void cancel() {
        if (handle != null && running.get()) {
            cancelRequested = true;
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
        noteRunFolder();
        return Optional.ofNullable(runFolder.get());
    }

    private void ended(Throwable err) {
        pump.stop();
        noteRunFolder();
        running.set(false);
        finished.set(true);
        prompter.cancelAll();
        if (err != null) {
            state.set(RunState.STOPPED);
            status.setText("The run stopped with an error: " + rootMessage(err));
        } else if (runTree != null && runTree.runFinished()) {
            state.set(cancelRequested && !runTree.runSucceeded() ? RunState.CANCELLED
                    : runTree.runSucceeded() ? RunState.SUCCEEDED : RunState.FAILED);
            status.setText((state.get() == RunState.SUCCEEDED ? "Finished: "
                    : state.get() == RunState.CANCELLED ? "Cancelled: " : "Failed: ") + runTree.runSummary());
        } else {
            state.set(cancelRequested ? RunState.CANCELLED : RunState.STOPPED);
            status.setText(cancelRequested ? "Cancelled before the first step." : "The run ended.");
        }
        tree.refresh();
    }

    private void noteRunFolder() {
        if (handle != null && runFolder.get() == null) {
            handle.logFolder().ifPresent(runFolder::set);
        }
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
        noteRunFolder();
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
                        + StatusIcons.format(f.took()) + (f.summary() == null ? "" : ": " + f.summary())
                        // The code, as on the terminal: the key to its entry in docs/PROBLEM_CODES.md.
                        + (f.failure() == null ? "" : " [" + f.failure().code() + "]")));
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
        RunModeChoice.fill(mode);
        mode.setId("run-mode");
        mode.setTooltip(new Tooltip("create: new nodes, provisioned first; modify: existing nodes over SSH"));
        start.setId("run-start");
        start.setTooltip(new Tooltip("Start the run"));
        start.setOnAction(e -> start(mode.getValue()));
        start.disableProperty().bind(running.or(blocked).or(planning)
                .or(new javafx.beans.property.SimpleBooleanProperty(!workflows.available())));
        cancel.setId("run-cancel");
        cancel.setTooltip(new Tooltip("Stop at the next step boundary, with a summary of what changed"));
        cancel.setOnAction(e -> cancel());
        cancel.disableProperty().bind(running.not());
        openLogs.setId("run-logs");
        openLogs.setTooltip(new Tooltip("Open this run's log folder (once a run has made it)"));
        openLogs.setOnAction(e -> logFolder().ifPresent(this::openFolder));
        openLogs.disableProperty().bind(runFolder.isNull());
        status.setId("run-status");
        for (Button b : List.of(start, cancel, openLogs)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Label modeLabel = new Label("_Mode");
        modeLabel.setMnemonicParsing(true);
        modeLabel.setLabelFor(mode);
        mode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        modeLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, modeLabel, mode, start, cancel, openLogs);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // The status on a line of its own: it can be long ("Not started: the dry run failed: …").
        status.setWrapText(true);
        VBox bar = new VBox(4, buttons, status);
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

    /**
     * The run as text, one row of the tree per line in tree order ("sales-db1/packages CHANGED 3.2 s"): what an
     * automated check (the lab's wizard phase) reads instead of pixels.
     */
    public List<String> progressText() {
        List<String> out = new ArrayList<>();
        if (runTree != null) {
            collect(runTree.root(), out);
        }
        return out;
    }

    private static void collect(TreeItem<RunItem> item, List<String> out) {
        out.add(rowKey(item.getValue()) + " " + item.getValue().status()
                + (item.getValue().took() == null ? "" : " " + StatusIcons.format(item.getValue().took())));
        item.getChildren().forEach(c -> collect(c, out));
    }

    /** A row's stable name: "cluster", "sales-db1", "sales-db1/packages", "cluster/provision". */
    public static String rowKey(RunItem item) {
        return switch (item.kind()) {
            case CLUSTER -> "cluster";
            case NODE -> item.node();
            case STEP -> (item.node() == null ? "cluster" : item.node()) + "/" + item.label();
        };
    }

    private static final class RunCell extends TreeCell<RunItem> {
        @Override
        protected void updateItem(RunItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                setAccessibleText(null);
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
            // Stable names for screen readers and automated checks: the row's key and its status in words.
            setId("run-row-" + rowKey(item).replaceAll("[^A-Za-z0-9]", "_"));
            setAccessibleText(rowKey(item) + ": " + item.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (item.summary().isEmpty() ? "" : ", " + item.summary()));
        }
    }
}
