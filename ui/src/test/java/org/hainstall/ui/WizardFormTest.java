package org.hainstall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hainstall.core.config.ConfigChoice;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.InitialSync;
import org.hainstall.core.config.PartitionType;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.ProvisioningKind;
import org.hainstall.ui.form.Form;
import org.hainstall.ui.form.Reveal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the admin sees of the form: problems at their fields in the form's words, and fields that follow choices. */
@ExtendWith(ApplicationExtension.class)
class WizardFormTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Wizard wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = new Wizard(TestWizards.services(dialogs, new ScriptedWorkflows()));
        wizard.show(stage, Optional.empty());
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    // ---- problems where they belong ----------------------------------------------------------------------

    @Test
    void aBlankStartShowsNoProblemsUntilNextIsPressed(FxRobot robot) {
        robot.clickOn("#start-new");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.validation().problems()).as("the config is incomplete").anyMatch(Problem::isError);
        assertThat(wizard.visibleProblems()).isEmpty();
        assertThat(message(robot, "cluster.name")).isEmpty();
        assertThat(robot.lookup("#problems-pane").queryAs(javafx.scene.control.TitledPane.class).getText())
                .startsWith("Problems (0) · ").endsWith("values still to fill in");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isFalse();

        robot.clickOn("#next");

        assertThat(wizard.currentPage().id()).as("a page with values to fill in keeps the admin").isEqualTo("cluster");
        assertThat(message(robot, "cluster.name")).isEqualTo("Required.");
        assertThat(message(robot, "management.address")).isEqualTo("Required.");
        assertThat(message(robot, "cluster.description")).as("optional").isEmpty();
        assertThat(wizard.visibleProblems()).isNotEmpty().allMatch(p -> wizard.currentPage().owns(p.path()));
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();
        // Other pages stay quiet until the admin gets there.
        assertThat(wizard.page("nodes").hasErrorsProperty().get()).isFalse();
    }

    @Test
    void aMissingValueIsReportedOnceItsFieldWasLeftEmpty(FxRobot robot) {
        robot.clickOn("#start-new");
        WizardConfigTest.click(robot, "#" + Form.idFor("cluster.name"));
        assertThat(message(robot, "cluster.name")).isEmpty();
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(message(robot, "cluster.name")).isEqualTo("Required.");
        assertThat(message(robot, "management.address")).as("not visited yet").isEmpty();
        assertThat(wizard.visibleProblems()).extracting(Problem::path).containsExactly("cluster.name");
    }

    @Test
    void aFieldWritesItsProblemUnderItInTheFormsWordsWithoutMovingTheForm(FxRobot robot) {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.go("replication"));
        WaitForAsyncUtils.waitForFxEvents();
        TextField minor = input(robot, "replication.resources[1].minor");
        Node port = input(robot, "replication.resources[1].port");
        Bounds minorBefore = minor.localToScene(minor.getBoundsInLocal());
        Bounds portBefore = port.localToScene(port.getBoundsInLocal());
        Label line = wizard.currentPage().fields().messageLabelOf(minor).orElseThrow();
        Bounds lineBefore = line.localToScene(line.getBoundsInLocal());

        robot.interact(() -> minor.setText("0"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(line.getText()).isEqualTo("/dev/drbd0 is already used by Resource 1 › Minor.");
        assertThat(minor.getTooltip().getText()).startsWith(line.getText());
        Bounds lineAfter = line.localToScene(line.getBoundsInLocal());
        assertThat(lineAfter.getMinY()).as("the line is right under its field")
                .isBetween(minorBefore.getMaxY(), minorBefore.getMaxY() + 4);
        assertThat(lineAfter.getMinX()).isEqualTo(minorBefore.getMinX(), org.assertj.core.data.Offset.offset(3.0));
        assertThat(minor.localToScene(minor.getBoundsInLocal())).isEqualTo(minorBefore);
        assertThat(port.localToScene(port.getBoundsInLocal())).as("nothing below moved").isEqualTo(portBefore);
        assertThat(lineAfter.getHeight()).isEqualTo(lineBefore.getHeight());
    }

    @Test
    void theProblemsListShowsThisPagesProblemsFirstLabelledLikeTheForm(FxRobot robot) {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> {
            wizard.model().root().list("nodes").get(0).text("address").set("999.1.1.1");
            wizard.model().root().child("replication").list("resources").get(1).text("minor").set("0");
            wizard.go("replication");
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wizard.visibleProblems()).extracting(Problem::path)
                .containsExactly("replication.resources[1].minor", "nodes[0].address");
        @SuppressWarnings("unchecked")
        ListView<Problem> list = robot.lookup("#problems").queryAs(ListView.class);
        // The list lays its cells out on a later pulse (a busy machine may need several).
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(".problem-where")
                    .queryAllAs(Label.class).stream().filter(l -> isInside(l, list)).count() >= 2);
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says what is there
        }
        List<String> where = robot.lookup(".problem-where").queryAllAs(Label.class).stream()
                .filter(l -> isInside(l, list)).map(Label::getText).toList();
        assertThat(where).containsExactly("Resource 2 › Minor", "Nodes › Node 1 › Address");
        List<String> paths = robot.lookup(".problem-path").queryAllAs(Label.class).stream()
                .filter(l -> isInside(l, list)).map(Label::getText).toList();
        assertThat(paths).containsExactly("replication.resources[1].minor · DRBD_MINOR_DUPLICATE",
                "nodes[0].address · ADDRESS_INVALID");

        robot.interact(() -> wizard.go("nodes"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.visibleProblems()).extracting(Problem::path)
                .containsExactly("nodes[0].address", "replication.resources[1].minor");
    }

    // ---- the form follows the choices --------------------------------------------------------------------

    @Test
    void physicalMachinesShowNoLibvirtFieldsAndNoMacGenerator(FxRobot robot) {
        robot.clickOn("#start-new");
        choose(robot, "provisioning.kind", "libvirt");
        assertThat(input(robot, "provisioning.libvirt.stub").isVisible()).isTrue();
        assertThat(visible(robot, "#physical-note")).isFalse();

        choose(robot, "provisioning.kind", "physical");

        assertThat(shown(input(robot, "provisioning.libvirt.stub"))).isFalse();
        assertThat(shown(input(robot, "provisioning.libvirt.uri"))).isFalse();
        assertThat(visible(robot, "#physical-note")).isTrue();
        robot.interact(() -> wizard.go("nodes"));
        WaitForAsyncUtils.waitForFxEvents();
        for (String path : List.of("nodes[0].mac", "nodes[1].replicationMac")) {
            assertThat(shown(robot.lookup("#gen-" + Form.idFor(path).substring(2)).query())).as(path).isFalse();
            assertThat(input(robot, path).getPromptText()).contains("printed on the machine");
        }
        // And a physical machine's MAC is required, said in words at the field once Next is pressed.
        robot.clickOn("#next");
        assertThat(message(robot, "nodes[0].mac")).isEqualTo(
                "Required for a physical machine: the MAC printed on its network card.");
    }

    @Test
    void aClusterHasExactlyTwoNodes(FxRobot robot) {
        robot.clickOn("#start-new");
        robot.interact(() -> wizard.go("nodes"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#add-nodes").tryQuery()).hasValueSatisfying(n -> assertThat(shown(n)).isFalse());
        assertThat(robot.lookup("#remove-nodes_0_").queryAs(Button.class).isVisible()).isFalse();
        assertThat(wizard.model().root().list("nodes")).hasSize(2);
    }

    @Test
    void closedWordSetsAreChoiceListsOfCoresEnums(FxRobot robot) {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        assertThat(items(robot, "cluster", "provisioning.kind")).isEqualTo(words(ProvisioningKind.class));
        assertThat(items(robot, "storage", "storage.disks[0].partitions[0].type")).isEqualTo(words(PartitionType.class));
        assertThat(items(robot, "storage", "storage.volumeGroups[0].logicalVolumes[2].filesystem.type"))
                .isEqualTo(words(FilesystemType.class));
        assertThat(items(robot, "replication", "replication.protocol")).isEqualTo(words(DrbdProtocol.class));
        assertThat(items(robot, "replication", "replication.initialSync")).isEqualTo(words(InitialSync.class));
        assertThat(items(robot, "replication", "replication.resources[0].filesystem.type"))
                .isEqualTo(words(FilesystemType.class));
    }

    @Test
    void backingAndPhysicalVolumesArePickedFromWhatTheStoragePageDefines(FxRobot robot) {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        robot.interact(() -> wizard.go("replication"));
        @SuppressWarnings("unchecked")
        ComboBox<String> backing = robot.lookup("#" + Form.idFor("replication.resources[0].backingVolume"))
                .queryAs(ComboBox.class);
        robot.interact(backing::show);
        robot.interact(backing::hide);
        // lv_backup carries a filesystem of its own: it cannot back DRBD, so it is not offered.
        assertThat(backing.getItems()).containsExactly("", "vg_db2/lv_db2home", "vg_db2/lv_db2data");

        robot.interact(() -> wizard.go("storage"));
        String pv = "#" + Form.idFor("storage.volumeGroups[0].physicalVolumes");
        assertThat(robot.lookup(pv + "-_dev_vdb1").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.interact(() -> {
            var disk = wizard.model().root().child("storage").list("disks").get(0);
            var part = disk.add("partitions");
            part.text("number").set("2");
            part.text("size").set("1G");
            part.text("type").set("lvm");
        });
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox vdb2 = robot.lookup(pv + "-_dev_vdb2").queryAs(CheckBox.class);
        assertThat(vdb2.isSelected()).isFalse();
        robot.interact(() -> vdb2.setSelected(true));
        assertThat(wizard.model().toConfig().storage().volumeGroups().get(0).physicalVolumes())
                .containsExactly("/dev/vdb1", "/dev/vdb2");
    }

    // ---- keyboard, help, window ----------------------------------------------------------------------------

    @Test
    void enterInAFieldGoesToTheNextPage(FxRobot robot) {
        TestWizards.await(robot, () -> wizard.openFile(ExampleConfig.FILE));
        WizardConfigTest.click(robot, "#" + Form.idFor("cluster.description"));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.currentPage().id()).isEqualTo("nodes");

        // Enter on a page with an error goes nowhere.
        robot.interact(() -> wizard.model().root().list("nodes").get(0).text("address").set("999.1.1.1"));
        WizardConfigTest.click(robot, "#" + Form.idFor("nodes[1].name"));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.currentPage().id()).isEqualTo("nodes");
    }

    @Test
    void helpAboutTellsTheVersionLicenceAndReadme(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem about = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-about".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(about::fire);
        assertThat(dialogs.abouts).singleElement().satisfies(a -> {
            assertThat(a.version()).isEqualTo("1.2.3-test");
            assertThat(a.licence()).isEqualTo("a test licence");
            assertThat(a.readme()).isPresent();
        });
    }

    @Test
    void theWindowCarriesTheApplicationIcon() {
        assertThat(stage.getIcons()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(i -> assertThat(i.getWidth()).isEqualTo(i.getHeight()).isPositive());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String message(FxRobot robot, String path) {
        WaitForAsyncUtils.waitForFxEvents();
        Node input = robot.lookup("#" + Form.idFor(path)).query();
        return wizard.currentPage().fields().messageOf(input);
    }

    private static TextField input(FxRobot robot, String path) {
        return robot.lookup("#" + Form.idFor(path)).queryAs(TextField.class);
    }

    private void choose(FxRobot robot, String path, String value) {
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#" + Form.idFor(path)).queryAs(ComboBox.class);
        robot.interact(() -> box.getSelectionModel().select(value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> items(FxRobot robot, String page, String path) {
        robot.interact(() -> wizard.go(page));
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#" + Form.idFor(path)).queryAs(ComboBox.class);
        robot.interact(() -> Reveal.inScrollPane(box));
        return box.getItems().stream().filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E> & ConfigChoice> List<String> words(Class<E> type) {
        return ConfigChoice.valuesOf(type);
    }

    private static boolean visible(FxRobot robot, String query) {
        return shown(robot.lookup(query).query());
    }

    /** Shown on screen: it and every parent visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
