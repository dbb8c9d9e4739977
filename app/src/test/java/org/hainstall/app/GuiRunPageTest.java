package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.run.RunConfirmation;
import org.hainstall.ui.run.LogLine;
import org.hainstall.ui.run.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's run page driven by the production engine adapter and core's real runner (test steps, stand-in nodes). */
@ExtendWith(ApplicationExtension.class)
class GuiRunPageTest {
    @TempDir
    Path dir;
    private final GuiEngineFixture fixture = new GuiEngineFixture();
    private RunPage page;
    private final List<RunConfirmation> confirmations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Path configFile;

    @Start
    void start(Stage stage) throws Exception {
        configFile = Files.writeString(dir.resolve("sales-db.yaml"), "# saved\n");
        fixture.steps = List.of(new CliStep(StepId.onNode("power-on", "n1"), CliStep.Kind.PROMPT),
                new CliStep(StepId.onNode("packages", "n1"), CliStep.Kind.CHANGE, "power-on"),
                new CliStep(StepId.onNode("packages", "n2"), CliStep.Kind.CHANGE),
                new CliStep(StepId.cluster("drbd-connect"), CliStep.Kind.CHANGE, "packages"));
        page = new RunPage(fixture.engine(), () -> CliTest.CONFIG, () -> configFile, confirmations::add,
                folder -> { }, Runnable::run, Clock.systemUTC());
        stage.setScene(new Scene(new StackPane(page.content()), 1000, 700));
        stage.show();
    }

    /** The prompt's Done button once it is in the scene and visible, looked up on the FX thread. */
    private static Optional<Node> promptDone(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#prompt-done-p-power-on").tryQuery()
                .filter(n -> n.getScene() != null && n.isVisible() && n.getLayoutBounds().getWidth() > 0))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void coresEventsReachTheRunPageAndAPromptAnsweredThereCompletesTheRun(FxRobot robot) throws Exception {
        robot.interact(() -> page.start(RunMode.MODIFY));
        // Looked up on the FX thread: a lookup from the test thread walks the scene graph while the run's events
        // change it, and in CI it met a node already detached from its scene.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> promptDone(robot).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.runningProperty().get()).isTrue();
        assertThat(fixture.n1.commands()).doesNotContain("setup power-on");

        robot.clickOn(promptDone(robot).orElseThrow());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> page.finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fixture.n1.commands()).contains("setup power-on", "setup packages", "setup drbd-connect");
        assertThat(page.runTree().root().getValue().status()).isEqualTo(Status.CHANGED);
        assertThat(page.runTree().root().getValue().changed()).isEqualTo(4);
        assertThat(page.runTree().step(StepId.onNode("packages", "n2")).getValue().status())
                .isEqualTo(Status.CHANGED);
        assertThat(page.statusText()).startsWith("Finished");
        assertThat(page.log().shown()).extracting(LogLine::text)
                .anyMatch(t -> t.contains("answered DONE"))
                .filteredOn(t -> t.startsWith("prompt: ")).hasSize(1);
        assertThat(page.logFolder()).hasValueSatisfying(f -> assertThat(f).isDirectory()
                .startsWith(configFile.resolveSibling("sales-db.state")));
        assertThat(page.prompts().count()).isZero();
    }
}
