package org.hainstall.ui.pages;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.Prompt;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.run.EventPump;
import org.hainstall.ui.run.FolderOpener;
import org.hainstall.ui.run.LogLine;
import org.hainstall.ui.run.LogView;
import org.hainstall.ui.run.PromptBanners;
import org.hainstall.ui.run.RunConfirmation;
import org.hainstall.ui.run.RunItem;
import org.hainstall.ui.run.RunState;
import org.hainstall.ui.run.RunTree;
import org.hainstall.ui.run.StatusIcons;
import org.hainstall.ui.run.UiAdminPrompter;
import org.hainstall.ui.run.Workflows;
import org.hainstall.ui.validation.PageFields;

/**
 * The run: a tree cluster → node → step with status icons, durations and counts; the selected row's live log;
 * the admin's prompts in place. Core's events arrive through an {@link EventPump} in batches.
 *
 * <p>The page wires its parts and is what the wizard and the tests talk to: {@link RunStart} (save, dry run,
 * confirmation), {@link RunSession} (the run started last and how it ended), {@link RunBatches} (events into
 * tree, log and prompts) and {@link RunPageLayout} (the view).
 */
public final class RunPage extends WizardPage {
    private final FolderOpener folders;
    private final Executor io;
    private final EventPump pump = new EventPump(this::onBatch);
    private final UiAdminPrompter prompter;
    private final PromptBanners prompts;
    private final LogView log = new LogView();
    private final TreeView<RunItem> tree = new TreeView<>();
    private final Label status = new Label("Not started.");
    private final BooleanProperty blocked = new SimpleBooleanProperty(this, "blocked");
    private final RunSession session;
    private final RunStart runStart;
    private final RunBatches batches;

    public RunPage(Workflows workflows, Supplier<ClusterConfig> config, Supplier<Path> configFile,
                   RunConfirmation.Asker confirm, FolderOpener folders, Executor io, Clock clock) {
        this(workflows, config, configFile, () -> CompletableFuture.completedFuture(true),
                confirm, folders, io, clock);
    }

    /**
     * {@code saveFirst} saves the config if it has changes (the run's secrets and state folders live beside the
     * file) and completes with whether it may go on; {@code confirm} shows the dry run's summary and asks before
     * anything is changed.
     */
    public RunPage(Workflows workflows, Supplier<ClusterConfig> config, Supplier<Path> configFile,
                   Supplier<CompletableFuture<Boolean>> saveFirst, RunConfirmation.Asker confirm,
                   FolderOpener folders, Executor io, Clock clock) {
        super("run", "Run", List.of(), new PageFields());
        this.folders = folders;
        this.io = io;
        this.prompter = new UiAdminPrompter(pump, clock);
        this.prompts = new PromptBanners(this::answer);
        this.session = new RunSession(this, workflows, config, configFile, pump, prompter, tree, log, prompts,
                status::setText);
        this.runStart = new RunStart(this, workflows, config, configFile, saveFirst, confirm, session, blocked,
                this::content, status::setText);
        this.batches = new RunBatches(session, tree, log, prompts, status::setText);
        RunPageLayout layout = new RunPageLayout(this, status, workflows.available());
        // Built the first time the page is shown (or a run starts): the first window does not wait for it.
        setContentBuilder(layout::build);
    }

    /** True while the config has errors: no run starts then. */
    public BooleanProperty blockedProperty() {
        return blocked;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return session.running();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return session.finished();
    }

    /** True while the dry run before a start is computed. */
    public ReadOnlyBooleanProperty planningProperty() {
        return runStart.planning();
    }

    /** Not started, running, or how the last run ended. */
    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return session.state();
    }

    /** The mode of the run started last; null before any. */
    public RunMode runMode() {
        return session.runMode();
    }

    /** The folder of the run started last, once the run has made it. */
    public ReadOnlyObjectProperty<Path> runFolderProperty() {
        return session.runFolder();
    }

    public TreeView<RunItem> tree() {
        return tree;
    }

    public RunTree runTree() {
        return session.runTree();
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
        return session.resultText(statusText());
    }

    /**
     * Starts a run of {@code runMode}: saves the config if needed, computes the dry run, shows its
     * summary per node (changes, destructive commands) and starts only once the admin confirms it.
     */
    public void start(RunMode runMode) {
        runStart.start(runMode);
    }

    /** Asks the run to stop at the next step boundary; open prompts are answered Cancel. */
    public void cancel() {
        session.cancel();
    }

    /** Cancels and runs {@code then} on the FX thread once the run has stopped. */
    public void cancelThen(Runnable then) {
        session.cancelThen(then);
    }

    public Optional<Path> logFolder() {
        return session.logFolder();
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
        if (session.runTree() != null) {
            collect(session.runTree().root(), out);
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

    private void answer(Prompt prompt, Prompt.Answer answer) {
        prompter.answer(prompt.id(), answer);
        prompts.hide(prompt.id());
        log.append(List.of(new LogLine(Instant.now(), null, LogLine.Kind.NOTE,
                "prompt \"" + prompt.title() + "\" answered " + answer)));
    }

    // The pump is made before the parts it feeds; it hands each batch on once they exist.
    private void onBatch(List<Event> batch) {
        batches.accept(batch);
    }
}
