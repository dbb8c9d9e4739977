package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.files.CoreConfigFiles;
import org.hainstall.ui.pages.ReviewPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The review page's dry-run plan from the production adapter and core's runner (test steps, stand-in nodes). */
@ExtendWith(ApplicationExtension.class)
class GuiReviewPageTest {
    @TempDir
    Path dir;
    private final GuiEngineFixture fixture = new GuiEngineFixture();
    private ReviewPage page;
    private Path configFile;

    @Start
    void start(Stage stage) throws Exception {
        configFile = Files.writeString(dir.resolve("sales-db.yaml"), "# saved\n");
        page = new ReviewPage(() -> CliTest.CONFIG, () -> configFile, new CoreConfigFiles(), fixture.engine());
        stage.setScene(new Scene(new StackPane(page.content()), 1000, 700));
        stage.show();
    }

    @Test
    void modifyPlanChecksTheRealNodesAndShowsTheChangesPerNodeWithoutMakingThem(FxRobot robot) throws Exception {
        robot.interact(() -> {
            page.setPlanMode(RunMode.MODIFY);
            page.computePlan();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot).contains("changes planned"));

        assertThat(status(robot)).startsWith("3 changes planned");
        TreeView<String> plan = robot.lookup("#review-plan").query();
        assertThat(plan.getRoot().getChildren()).extracting(TreeItem::getValue)
                .containsExactlyInAnyOrder("n1", "n2", "cluster-wide");
        assertThat(fixture.opened).containsExactlyInAnyOrder("n1", "n2");
        assertThat(fixture.n1.commands()).noneMatch(c -> c.startsWith("setup"));
        assertThat(fixture.prepared).isEmpty();
    }

    @Test
    void aFailedPlanSaysWhy(FxRobot robot) throws Exception {
        fixture.problems = java.util.List.of(org.hainstall.core.config.Problem.error("nodes[0].address",
                org.hainstall.core.config.ProblemCode.ADDRESS_INVALID, "not an IPv4 address"));
        robot.interact(page::computePlan);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot).startsWith("Planning failed"));
        assertThat(status(robot)).contains("nodes[0].address");
        assertThat(fixture.opened).isEmpty();
    }

    private static String status(FxRobot robot) throws Exception {
        return robot.lookup("#review-plan-status").queryAs(Label.class).getText();
    }
}
