package org.hainstall.ui.pages;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.run.RunState;
import org.hainstall.ui.validation.PageFields;

/**
 * The end: what happened (no run yet, finished, failed, cancelled), where the run's logs are, and what to do next
 * with the config file, in plain words with the real paths (selectable, to copy into a terminal).
 */
public final class FinishPage extends WizardPage {
    /** What the Finish page reports. {@code runFolder} and {@code configFile} may be null. */
    public record Outcome(RunState state, RunMode mode, String summary, Path runFolder, Path configFile) { }

    private final Label title = new Label();
    private final Label summary = new Label();
    private final TextField configField = code("finish-config");
    private final TextField folderField = code("finish-run-folder");
    private final TextField statusCommand = code("finish-status-command");
    private final TextField modifyCommand = code("finish-modify-command");
    private final Label nextSteps = new Label();
    private final GridPane facts = new GridPane();
    private final Button logs = new Button("Open the run's _log folder");
    private final Button saveB = new Button("_Save the config");

    /** {@code canSave}: there is something to save (unsaved edits, or no file yet). */
    public FinishPage(Runnable save, BooleanExpression canSave, Runnable openLogs, Runnable close) {
        super("finish", "Finish", List.of(), new PageFields());
        title.setId("finish-title");
        title.getStyleClass().add("start-title");
        summary.setWrapText(true);
        summary.setId("finish-summary");
        nextSteps.setWrapText(true);
        nextSteps.setId("finish-next");
        facts.setHgap(8);
        facts.setVgap(6);
        saveB.setId("finish-save");
        saveB.setTooltip(new Tooltip("Save the config file"));
        saveB.setOnAction(e -> save.run());
        saveB.disableProperty().bind(canSave.not());
        logs.setId("finish-logs");
        logs.setTooltip(new Tooltip("Open the run's folder: a log per node and the event stream"));
        logs.setOnAction(e -> openLogs.run());
        Button closeB = new Button("_Close the wizard");
        closeB.setId("finish-close");
        closeB.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, saveB, logs, closeB);
        VBox box = new VBox(12, title, summary, facts, nextSteps, buttons);
        box.setPadding(new Insets(24));
        box.setMaxWidth(900);
        setContent(box);
        show(new Outcome(RunState.NOT_STARTED, null, "", null, null));
    }

    /** Tells what happened; called each time the page is shown. Paths are shown absolute, as a terminal needs them. */
    public void show(Outcome given) {
        Outcome o = new Outcome(given.state(), given.mode(), given.summary(),
                given.runFolder() == null ? null : given.runFolder().toAbsolutePath().normalize(),
                given.configFile() == null ? null : given.configFile().toAbsolutePath().normalize());
        title.setText(switch (o.state()) {
            case NOT_STARTED -> "No run yet";
            case RUNNING -> "The run is still going";
            case SUCCEEDED -> o.mode() == RunMode.CREATE ? "The cluster is created" : "The cluster matches the config";
            case FAILED -> "The run failed";
            case CANCELLED -> "The run was cancelled";
            case STOPPED -> "The run stopped";
        });
        summary.setText(switch (o.state()) {
            case NOT_STARTED -> "Nothing was changed on any node: no run was started. Go back to the Run page to "
                    + "start one; it shows what it will change and asks first.";
            case RUNNING -> "Go back to the Run page to follow it. " + o.summary();
            case SUCCEEDED, FAILED, CANCELLED, STOPPED -> sentence(o.mode().word() + ": " + o.summary())
                    + (o.state() == RunState.SUCCEEDED ? ""
                    : " A later run resumes where this one stopped, without redoing a finished step.");
        });
        facts.getChildren().clear();
        int row = 0;
        if (o.configFile() != null) {
            configField.setText(o.configFile().toString());
            facts.addRow(row++, new Label("Config file"), configField);
            GridPane.setHgrow(configField, Priority.ALWAYS);
        }
        if (o.runFolder() != null) {
            folderField.setText(o.runFolder().toString());
            facts.addRow(row++, new Label("Run folder"), folderField);
            GridPane.setHgrow(folderField, Priority.ALWAYS);
        }
        if (o.configFile() != null) {
            statusCommand.setText("hainstall status --config " + o.configFile());
            modifyCommand.setText("hainstall modify --config " + o.configFile());
            facts.addRow(row++, new Label("Its health"), statusCommand);
            facts.addRow(row, new Label("Bring it back"), modifyCommand);
            String stem = o.configFile().getFileName().toString().replaceFirst("\\.[^.]+$", "");
            nextSteps.setText("Keep the config file: its secrets (SSH key, pinned host keys, Heartbeat and DRBD "
                    + "keys) are in the folder " + stem + ".secrets beside it, and the run logs in " + stem
                    + ".state. The commands above show the live cluster and bring the nodes back to the config.");
        } else {
            nextSteps.setText("The config is not saved yet: save it to keep it (its secrets and run logs will live "
                    + "beside its file).");
        }
        logs.setDisable(o.runFolder() == null);
    }

    /** "create: 1 step failed" → "Create: 1 step failed." */
    private static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    private static TextField code(String id) {
        TextField t = new TextField();
        t.setEditable(false);
        t.setId(id);
        t.getStyleClass().add("code");
        t.setPrefColumnCount(50);
        return t;
    }
}
