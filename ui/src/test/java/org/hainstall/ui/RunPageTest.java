package org.hainstall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.hainstall.core.plan.Prompt;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.run.LogLine;
import org.hainstall.ui.run.PlanSummary;
import org.hainstall.ui.run.RunConfirmation;
import org.hainstall.ui.run.RunItem;
import org.hainstall.ui.run.RunState;
import org.hainstall.ui.run.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RunPageTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ScriptedWorkflows engine = new ScriptedWorkflows();
    private Wizard wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = new Wizard(TestWizards.services(dialogs, engine));
        wizard.show(stage, java.util.Optional.empty());
    }

    @Test
    void showsAScriptedEventStreamWithTheRightStatusesAndCounts(FxRobot robot) throws Exception {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.go("run"));
        robot.clickOn("#run-start");
        RunPage run = wizard.runPage();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> run.finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(engine.request.mode()).isEqualTo(RunMode.CREATE);
        assertThat(engine.request.config()).isEqualTo(ExampleConfig.expected());
        RunItem cluster = run.runTree().root().getValue();
        assertThat(cluster.status()).isEqualTo(Status.FAILED);
        assertThat(List.of(cluster.total(), cluster.finished(), cluster.changed(), cluster.failed()))
                .containsExactly(6, 6, 2, 1);
        RunItem db1 = run.runTree().node("sales-db1").getValue();
        assertThat(db1.status()).isEqualTo(Status.CHANGED);
        assertThat(List.of(db1.total(), db1.finished(), db1.changed(), db1.failed())).containsExactly(2, 2, 1, 0);
        RunItem db2 = run.runTree().node("sales-db2").getValue();
        assertThat(db2.status()).isEqualTo(Status.FAILED);
        assertThat(List.of(db2.total(), db2.finished(), db2.changed(), db2.failed())).containsExactly(3, 3, 1, 1);
        assertThat(status(run, ScriptedWorkflows.KEYS)).isEqualTo(Status.OK);
        assertThat(status(run, ScriptedWorkflows.PKG1)).isEqualTo(Status.OK);
        assertThat(status(run, ScriptedWorkflows.DRBD1)).isEqualTo(Status.CHANGED);
        assertThat(status(run, ScriptedWorkflows.POWER2)).isEqualTo(Status.SKIPPED);
        assertThat(status(run, ScriptedWorkflows.DRBD2)).isEqualTo(Status.FAILED);
        assertThat(run.runTree().step(ScriptedWorkflows.DRBD2).getValue().took()).hasMillis(1500);
        // The cluster and node rows are in the tree as the admin sees them, with their counts.
        assertThat(run.tree().getRoot().getChildren()).extracting(t -> t.getValue().label())
                .containsExactly("keys", "sales-db1", "sales-db2");
        assertThat(run.statusText()).startsWith("Failed: 1 step failed");

        // A failed step's finish note names its code, the key to docs/PROBLEM_CODES.md.
        TreeItem<RunItem> drbd2 = run.runTree().step(ScriptedWorkflows.DRBD2);
        robot.interact(() -> run.tree().getSelectionModel().select(drbd2));
        assertThat(run.log().shown()).extracting(LogLine::text)
                .anyMatch(t -> t.startsWith("■ FAILED") && t.endsWith("[DRBD_PEER_NOT_CONNECTED]"));

        // Selecting a step shows that step's log only: its output lines and its start/finish notes.
        TreeItem<RunItem> drbd1 = run.runTree().step(ScriptedWorkflows.DRBD1);
        robot.interact(() -> run.tree().getSelectionModel().select(drbd1));
        assertThat(run.log().shown()).extracting(LogLine::text)
                .contains("sales-db1/drbd line 1", "sales-db1/drbd line 4")
                .noneMatch(t -> t.contains("sales-db2"));
        assertThat(run.log().shown()).filteredOn(l -> l.kind() == LogLine.Kind.ERR).hasSize(1);
        // A node shows all its steps' lines; the filter narrows them.
        robot.interact(() -> run.tree().getSelectionModel().select(run.runTree().node("sales-db1")));
        assertThat(run.log().shown()).filteredOn(l -> l.kind() != LogLine.Kind.NOTE).hasSize(3 + 4);
        robot.clickOn("#log-filter").write("line 2");
        assertThat(run.log().shown()).extracting(LogLine::text)
                .containsExactly("sales-db1/packages line 2", "sales-db1/drbd line 2");
    }

    @Test
    void aPromptAnsweredInTheUiCompletesTheCoresFuture(FxRobot robot) throws Exception {
        engine.withPrompt = true;
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.go("run"));
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#prompt-done-p1").tryQuery().isPresent());
        assertThat(engine.promptAnswer.get()).isNotDone();
        assertThat(wizard.runPage().runningProperty().get()).isTrue();

        robot.clickOn("#prompt-done-p1");

        assertThat(engine.promptAnswer.get().get(5, TimeUnit.SECONDS)).isEqualTo(Prompt.Answer.DONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.runPage().finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.runPage().prompts().count()).isZero();
        assertThat(status(wizard.runPage(), ScriptedWorkflows.POWER2)).isEqualTo(Status.CHANGED);
    }

    @Test
    void closingTheWindowDuringARunAsksFirstAndCancelsCleanly(FxRobot robot) throws Exception {
        engine.waitForCancel = true;
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.go("run"));
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.runPage().runningProperty().get()).isTrue();

        dialogs.cancelRun = false;
        robot.interact(wizard::requestClose);
        assertThat(dialogs.cancelRunAsked).isEqualTo(1);
        assertThat(stage.isShowing()).as("kept running when the admin says so").isTrue();
        assertThat(engine.cancelled.getCount()).isEqualTo(1);

        dialogs.cancelRun = true;
        robot.interact(wizard::requestClose);
        assertThat(engine.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(wizard.runPage().runningProperty().get()).isFalse();
    }

    @Test
    void aRunCannotStartWhileTheConfigHasErrors(FxRobot robot) {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        // A port that does not parse is an error whatever core's validator says.
        robot.interact(() -> wizard.model().root().child("heartbeat").text("udpPort").set("69x"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> wizard.go("run"));
        assertThat(robot.lookup("#run-start").queryButton().isDisabled()).isTrue();
        robot.interact(() -> wizard.runPage().start(RunMode.CREATE));
        assertThat(engine.request).isNull();
        assertThat(wizard.runPage().runningProperty().get()).isFalse();
    }

    @Test
    void anUnsavedConfigIsSavedBeforeTheRunStarts(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.model().root().child("cluster").text("description").set("changed"));
        robot.interact(() -> wizard.model().fileProperty().set(null));
        dialogs.save = dir.resolve("sales-db.yaml");
        robot.interact(() -> wizard.go("run"));
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.runPage().finishedProperty().get());
        assertThat(engine.request.configFile()).isEqualTo(dialogs.save);
        assertThat(java.nio.file.Files.readString(dialogs.save)).contains("description: changed");
        assertThat(wizard.model().isDirty()).isFalse();
    }

    @Test
    void startShowsThePlansSummaryPerNodeAndRunsNothingUnlessConfirmed(FxRobot robot) throws Exception {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.go("run"));
        dialogs.confirmRun = false;
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.confirmations.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(engine.request.dryRun()).as("only the dry run ran").isTrue();
        assertThat(wizard.runPage().stateProperty().get()).isEqualTo(RunState.NOT_STARTED);
        assertThat(wizard.runPage().statusText()).startsWith("Not started");
        RunConfirmation asked = dialogs.confirmations.get(0);
        assertThat(asked.mode()).isEqualTo(RunMode.CREATE);
        assertThat(asked.question()).isEqualTo("Create the cluster sales-db?");
        assertThat(asked.plan().nodes()).extracting(PlanSummary.NodePlan::node)
                .containsExactly("sales-db1", "sales-db2", "cluster-wide");
        PlanSummary.NodePlan db1 = asked.plan().nodes().get(0);
        assertThat(db1.changes()).isEqualTo(4);
        assertThat(db1.destructive()).extracting(PlanSummary.DestructiveCommand::kind).containsExactly(
                PlanSummary.Destructive.PARTITIONS, PlanSummary.Destructive.PHYSICAL_VOLUME,
                PlanSummary.Destructive.DRBD_METADATA);
        assertThat(asked.plan().nodes().get(2).destructive()).extracting(PlanSummary.DestructiveCommand::command)
                .containsExactly("drbdadm primary --force db2home");
        assertThat(asked.plan().text()).contains("sales-db1: 4 changes, destructive:",
                "    partitions: sh -c 'sfdisk --wipe never", "    DRBD metadata: drbdadm create-md db2home");

        dialogs.confirmRun = true;
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.runPage().finishedProperty().get());
        assertThat(dialogs.confirmations).hasSize(2);
        assertThat(engine.request.dryRun()).isFalse();
    }

    @Test
    void openLogFolderActsOnlyOnceARunHasMadeItsFolder(FxRobot robot) throws Exception {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.go("run"));
        assertThat(robot.lookup("#run-logs").queryButton().isDisabled()).isTrue();
        robot.interact(() -> wizard.go("finish"));
        assertThat(robot.lookup("#finish-logs").queryButton().isDisabled()).isTrue();

        robot.interact(() -> wizard.go("run"));
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.runPage().finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#run-logs").queryButton().isDisabled()).isFalse();
        assertThat(wizard.runPage().logFolder()).contains(ScriptedWorkflows.runFolder(ExampleConfig.FILE));
    }

    @Test
    void finishSaysNoRunBeforeOneAndWhatHappenedAfterWithTheRealPaths(FxRobot robot) throws Exception {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.go("finish"));
        assertThat(text(robot, "#finish-title")).isEqualTo("No run yet");
        assertThat(text(robot, "#finish-summary")).startsWith("Nothing was changed on any node: no run was started.");
        assertThat(finishText(robot)).doesNotContain("`", "FILE", "Done");
        assertThat(robot.lookup("#finish-config").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(ExampleConfig.FILE.toAbsolutePath().normalize().toString());
        assertThat(robot.lookup("#finish-run-folder").tryQuery().filter(javafx.scene.Node::isVisible)
                .filter(n -> n.getScene() != null)).isEmpty();

        robot.interact(() -> wizard.go("run"));
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.runPage().finishedProperty().get());
        robot.interact(() -> wizard.go("finish"));
        assertThat(text(robot, "#finish-title")).isEqualTo("The run failed");
        assertThat(text(robot, "#finish-summary")).startsWith("Create: 1 step failed: sales-db2/drbd.");
        assertThat(robot.lookup("#finish-run-folder").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(ScriptedWorkflows.runFolder(ExampleConfig.FILE).toString());
        assertThat(robot.lookup("#finish-status-command").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("hainstall status --config " + ExampleConfig.FILE.toAbsolutePath().normalize());
        assertThat(finishText(robot)).doesNotContain("`", "FILE", "Done");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    /** Every text the Finish page shows. */
    private String finishText(FxRobot robot) {
        StringBuilder all = new StringBuilder();
        robot.lookup("#page-finish .label").queryAllAs(javafx.scene.control.Labeled.class)
                .forEach(l -> all.append(l.getText()).append('\n'));
        robot.lookup("#page-finish .text-field").queryAllAs(javafx.scene.control.TextField.class)
                .forEach(t -> all.append(t.getText()).append('\n'));
        return all.toString();
    }

    private static Status status(RunPage run, org.hainstall.core.plan.StepId id) {
        return run.runTree().step(id).getValue().status();
    }
}
