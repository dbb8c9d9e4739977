package org.hainstall.ui.pages;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.hainstall.ui.validation.PageFields;

/** The end: what the run did, and the config saved beside its secrets and state folders. */
public final class FinishPage extends WizardPage {
    private final Label summary = new Label();

    public FinishPage(Runnable save, Runnable openLogs, Runnable close) {
        super("finish", "Finish", List.of(), new PageFields());
        summary.setWrapText(true);
        summary.setId("finish-summary");
        Label title = new Label("Done");
        title.getStyleClass().add("start-title");
        Label next = new Label("Keep the config file: `hainstall modify --config FILE` brings the nodes back to it, "
                + "and `hainstall status` shows the live cluster. Its secrets stay in the FILE.secrets/ folder beside it.");
        next.setWrapText(true);
        Button saveB = new Button("_Save the config");
        saveB.setTooltip(new Tooltip("Save the config file"));
        saveB.setOnAction(e -> save.run());
        Button logs = new Button("Open the _log folder");
        logs.setOnAction(e -> openLogs.run());
        Button closeB = new Button("_Close the wizard");
        closeB.setOnAction(e -> close.run());
        VBox box = new VBox(12, title, summary, next, saveB, logs, closeB);
        box.setPadding(new Insets(24));
        setContent(box);
    }

    public void setSummary(String text) {
        summary.setText(text);
    }
}
