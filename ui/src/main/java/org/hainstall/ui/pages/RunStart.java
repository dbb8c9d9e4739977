package org.hainstall.ui.pages;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.RunMode;
import org.hainstall.core.usecase.RunRequest;
import org.hainstall.ui.run.DryRun;
import org.hainstall.ui.run.PlanSummary;
import org.hainstall.ui.run.RunConfirmation;
import org.hainstall.ui.run.Workflows;

/**
 * The way to a run: save the config first, compute the dry run, show its summary and ask; only a confirmed run
 * reaches {@link RunSession#begin}. Nothing is changed on any machine before the admin says yes.
 */
final class RunStart {
    private final Workflows workflows;
    private final Supplier<ClusterConfig> config;
    private final Supplier<Path> configFile;
    private final Supplier<CompletableFuture<Boolean>> saveFirst;
    private final RunConfirmation.Asker confirm;
    private final RunSession session;
    private final BooleanProperty blocked;
    private final Runnable buildView;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper planning;

    /**
     * {@code blocked} is true while the config has errors; {@code buildView} builds the page's content, which a run
     * needs even when it starts before the page was shown.
     */
    RunStart(Object bean, Workflows workflows, Supplier<ClusterConfig> config, Supplier<Path> configFile,
             Supplier<CompletableFuture<Boolean>> saveFirst, RunConfirmation.Asker confirm, RunSession session,
             BooleanProperty blocked, Runnable buildView, Consumer<String> status) {
        this.workflows = workflows;
        this.config = config;
        this.configFile = configFile;
        this.saveFirst = saveFirst;
        this.confirm = confirm;
        this.session = session;
        this.blocked = blocked;
        this.buildView = buildView;
        this.status = status;
        this.planning = new ReadOnlyBooleanWrapper(bean, "planning");
    }

    /** True while the dry run before a start is computed. */
    ReadOnlyBooleanProperty planning() {
        return planning.getReadOnlyProperty();
    }

    void start(RunMode runMode) {
        if (session.running().get() || planning.get() || !workflows.available()) {
            return;
        }
        if (blocked.get()) {
            status.accept("The config has errors: fix the problems listed below first.");
            return;
        }
        buildView.run();
        planning.set(true);
        saveFirst.get().thenAccept(saved -> {
            if (!saved) {
                planning.set(false);
                status.accept("Not started: the config must be saved first (its secrets live beside it).");
                return;
            }
            status.accept("Checking what " + runMode.word() + " will change (a dry run; nothing is changed)…");
            ClusterConfig c = config.get();
            new DryRun(workflows).of(new RunRequest(c, configFile.get(), runMode, true))
                    .whenComplete((events, err) -> Platform.runLater(() -> confirmThenBegin(runMode, c, events, err)));
        });
    }

    private void confirmThenBegin(RunMode runMode, ClusterConfig c, List<Event> events, Throwable err) {
        planning.set(false);
        if (err != null) {
            status.accept("Not started: the dry run failed: " + RunTexts.rootMessage(err));
            return;
        }
        PlanSummary plan = new PlanSummary();
        events.forEach(plan::accept);
        status.accept("The dry run plans " + plan.changes() + " changes: waiting for your answer.");
        if (!confirm.confirm(new RunConfirmation(runMode, RunTexts.clusterName(c), configFile.get(), plan))) {
            status.accept("Not started: you did not confirm the run. Nothing was changed.");
            return;
        }
        session.begin(runMode);
    }
}
