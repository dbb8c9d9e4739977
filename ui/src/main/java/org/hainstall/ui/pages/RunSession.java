package org.hainstall.ui.pages;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TreeView;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.usecase.RunHandle;
import org.hainstall.core.plan.RunMode;
import org.hainstall.core.usecase.RunRequest;
import org.hainstall.ui.run.EventPump;
import org.hainstall.ui.run.LogView;
import org.hainstall.ui.run.PromptBanners;
import org.hainstall.ui.run.RunItem;
import org.hainstall.ui.run.RunState;
import org.hainstall.ui.run.RunTree;
import org.hainstall.ui.run.UiAdminPrompter;
import org.hainstall.ui.run.Workflows;

/**
 * The state of the run started last: begins it once confirmed, cancels it, and on its end works out how it ended
 * ({@link RunState}) and says so in the status line. Lives on the FX thread.
 */
final class RunSession {
    private final Workflows workflows;
    private final Supplier<ClusterConfig> config;
    private final Supplier<Path> configFile;
    private final EventPump pump;
    private final UiAdminPrompter prompter;
    private final TreeView<RunItem> tree;
    private final LogView log;
    private final PromptBanners prompts;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper running;
    private final ReadOnlyBooleanWrapper finished;
    private final ReadOnlyObjectWrapper<RunState> state;
    private final ReadOnlyObjectWrapper<Path> runFolder;
    private RunTree runTree;
    private RunHandle handle;
    private RunMode runMode;
    private boolean cancelRequested;

    /** {@code bean} owns the properties (the page), as their listeners expect. */
    RunSession(Object bean, Workflows workflows, Supplier<ClusterConfig> config, Supplier<Path> configFile,
               EventPump pump, UiAdminPrompter prompter, TreeView<RunItem> tree, LogView log, PromptBanners prompts,
               Consumer<String> status) {
        this.workflows = workflows;
        this.config = config;
        this.configFile = configFile;
        this.pump = pump;
        this.prompter = prompter;
        this.tree = tree;
        this.log = log;
        this.prompts = prompts;
        this.status = status;
        this.running = new ReadOnlyBooleanWrapper(bean, "running");
        this.finished = new ReadOnlyBooleanWrapper(bean, "finished");
        this.state = new ReadOnlyObjectWrapper<>(bean, "state", RunState.NOT_STARTED);
        this.runFolder = new ReadOnlyObjectWrapper<>(bean, "runFolder");
    }

    ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty finished() {
        return finished.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RunState> state() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Path> runFolder() {
        return runFolder.getReadOnlyProperty();
    }

    RunTree runTree() {
        return runTree;
    }

    RunMode runMode() {
        return runMode;
    }

    /** Starts the real run (the admin has confirmed the dry run): a fresh tree, log and prompts. */
    void begin(RunMode runMode) {
        if (running.get()) {
            return;
        }
        ClusterConfig c = config.get();
        runTree = new RunTree(RunTexts.clusterName(c));
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
        status.accept("Running " + runMode.word() + "…");
        pump.start();
        handle = workflows.start(new RunRequest(c, configFile.get(), runMode, false), pump, prompter);
        // One hop to the FX thread for the end of the run, not one per event.
        handle.finished().whenComplete((v, err) -> Platform.runLater(() -> ended(err)));
    }

    /** Asks the run to stop at the next step boundary; open prompts are answered Cancel. */
    void cancel() {
        if (handle != null && running.get()) {
            cancelRequested = true;
            status.accept("Cancelling at the next step boundary…");
            handle.cancel();
            prompter.cancelAll();
        }
    }

    /** Cancels and runs {@code then} on the FX thread once the run has stopped. */
    void cancelThen(Runnable then) {
        if (!running.get()) {
            then.run();
            return;
        }
        cancel();
        handle.finished().whenComplete((v, err) -> Platform.runLater(then));
    }

    Optional<Path> logFolder() {
        noteRunFolder();
        return Optional.ofNullable(runFolder.get());
    }

    /** The run makes its folder some time after it starts: asked again on each batch until it has one. */
    void noteRunFolder() {
        if (handle != null && runFolder.get() == null) {
            handle.logFolder().ifPresent(runFolder::set);
        }
    }

    /**
     * How the last run ended, as a sentence: the run's own summary, or why it stopped ({@code statusText}, the
     * status line); empty before any run.
     */
    String resultText(String statusText) {
        if (state.get() == RunState.NOT_STARTED) {
            return "";
        }
        if (state.get() == RunState.STOPPED || runTree == null || !runTree.runFinished()) {
            return statusText;
        }
        return runTree.runSummary();
    }

    private void ended(Throwable err) {
        pump.stop();
        noteRunFolder();
        running.set(false);
        finished.set(true);
        prompter.cancelAll();
        if (err != null) {
            state.set(RunState.STOPPED);
            status.accept("The run stopped with an error: " + RunTexts.rootMessage(err));
        } else if (runTree != null && runTree.runFinished()) {
            state.set(cancelRequested && !runTree.runSucceeded() ? RunState.CANCELLED
                    : runTree.runSucceeded() ? RunState.SUCCEEDED : RunState.FAILED);
            status.accept((state.get() == RunState.SUCCEEDED ? "Finished: "
                    : state.get() == RunState.CANCELLED ? "Cancelled: " : "Failed: ") + runTree.runSummary());
        } else {
            state.set(cancelRequested ? RunState.CANCELLED : RunState.STOPPED);
            status.accept(cancelRequested ? "Cancelled before the first step." : "The run ended.");
        }
        tree.refresh();
    }
}
