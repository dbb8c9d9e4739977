package org.hainstall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start page's reconstruct and clone flows (the reconstruct engine is a stand-in here; app tests the real one). */
@ExtendWith(ApplicationExtension.class)
class StartFlowsTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private volatile Reconstruction.Request asked;
    private final CompletableFuture<Reconstruction.Result> reading = new CompletableFuture<>();
    private Wizard wizard;

    @Start
    void start(Stage stage) {
        Reconstruction reconstruction = new Reconstruction() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public CompletableFuture<Result> from(Request request) {
                asked = request;
                return reading;
            }
        };
        wizard = new Wizard(TestWizards.services(dialogs, new ScriptedWorkflows(), new ConfigValidator()::validate,
                reconstruction));
        wizard.show(stage, java.util.Optional.empty());
    }

    @Test
    void reconstructLoadsTheLiveClusterAsANewConfigAndListsWhatCouldNotBeRead(FxRobot robot) throws Exception {
        dialogs.reconstruct = Reconstruction.Request.withFingerprint("192.168.122.11", "SHA256:abc",
                Path.of("/home/admin/.ssh/id_ed25519"), "root", 22);
        robot.clickOn("#start-reconstruct");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> asked != null);
        assertThat(asked.host()).isEqualTo("192.168.122.11");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#start-status").queryLabeled().getText()).contains("Reading 192.168.122.11");

        reading.complete(new Reconstruction.Result(ExampleConfig.expected(),
                List.of("management.address: not on the nodes (give --management-address)")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.currentPage().id().equals("cluster"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wizard.model().toConfig()).isEqualTo(ExampleConfig.expected());
        assertThat(wizard.model().fileProperty().get()).isNull();
        assertThat(wizard.validation().problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("management.address");
            assertThat(p.code()).isEqualTo(ProblemCode.RECONSTRUCT_UNREADABLE);
            assertThat(p.isError()).isFalse();
        });
    }

    @Test
    void aFailedReconstructShowsWhyAndKeepsTheConfig(FxRobot robot) throws Exception {
        dialogs.reconstruct = Reconstruction.Request.withConfig("sales-db9", Path.of("sales-db.yaml"));
        robot.clickOn("#start-reconstruct");
        reading.completeExceptionally(new IllegalArgumentException("sales-db9 is not a node of sales-db.yaml"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        assertThat(dialogs.errors).containsExactly("Could not reconstruct from sales-db9: "
                + "sales-db9 is not a node of sales-db.yaml");
        assertThat(wizard.currentPage().id()).isEqualTo("start");
    }

    @Test
    void cloneProposesANewClusterBesideTheSourceAndListsWhatItStillShares(FxRobot robot) throws Exception {
        dialogs.open = ExampleConfig.FILE;
        dialogs.text = "sales-db-copy";
        robot.clickOn("#start-clone");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.model().fileProperty().get() == null
                && "sales-db-copy".equals(wizard.model().root().child("cluster").text("name").get()));
        WaitForAsyncUtils.waitForFxEvents();

        ClusterConfig copy = wizard.model().toConfig();
        ClusterConfig source = ExampleConfig.expected();
        assertThat(copy.nodes()).extracting(ClusterConfig.Node::name).containsExactly("sales-db-copy1",
                "sales-db-copy2");
        assertThat(copy.nodes()).extracting(ClusterConfig.Node::address)
                .doesNotContainAnyElementsOf(List.of("192.168.122.11", "192.168.122.12", "192.168.122.50"));
        assertThat(copy.heartbeat().udpPort()).isNotEqualTo(source.heartbeat().udpPort());
        assertThat(copy.storage()).isEqualTo(source.storage());
        assertThat(wizard.validation().problems()).noneMatch(p -> p.code().area() == ProblemCode.Area.CLONE);

        // Giving the copy the source's address again is caught on the spot, on the field's path.
        robot.interact(() -> wizard.model().root().list("nodes").get(0).text("address").set("192.168.122.11"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.validation().problems()).filteredOn(p -> p.code() == ProblemCode.CLONE_SAME_ADDRESS)
                .extracting(Problem::path).containsExactly("nodes[0].address");
    }
}
