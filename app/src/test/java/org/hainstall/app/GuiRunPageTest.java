package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hainstall.core.plan.StepId;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.run.LogLine;
import org.hainstall.ui.run.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's run page driven by the production engine adapter and core's real runner (test steps, stand-in nodes). */
@ExtendWith(ApplicationExtension.class)
class GuiRunPageTest {
    @TempDir
    Path dir;
    private final GuiEngineFixture fixture = new GuiEngineFixture();
    private RunPage page;
    private Path configFile;

    @Start
    void start(Stage stage) throws Exception {
        configFile = Files.writeString(dir.resolve("sales-db.yaml"), "# saved\n");
        fixture.steps = List.of(new CliStep(StepId.onNode("power-on", "n1"), CliStep.Kind.PROMPT),
                new CliStep(StepId.onNode("packages", "n1"), CliStep.Kind.CHANGE, "power-on"),
                new CliStep(StepId.onNode("packages", "n2"), CliStep.Kind.CHANGE),
                new CliStep(StepId.cluster("drbd-connect"), CliStep.Kind.CHANGE, "packages"));
        page = new RunPage(fixture.engine(), () -> CliTest.CONFIG, () -> configFile, folder -> { }, Runnable::run,
                Clock.systemUTC());
        stage.setScene(new Scene(new StackPane(page.content()), 1000, 700));
        stage.show();
    }

    @Test
    void coresEventsReachTheRunPageAndAPromptAnsweredThereCompletesTheRun(FxRobot robot) throws Exception {
        robot.interact(() -> page.start("modify"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#prompt-done-p-power-on").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        // The lookup runs off the FX thread; let the FX thread settle so the click finds the banner laid out.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.runningProperty().get()).isTrue();
        assertThat(fixture.n1.commands()).doesNotContain("setup power-on");

        robot.clickOn("#prompt-done-p-power-on");
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
