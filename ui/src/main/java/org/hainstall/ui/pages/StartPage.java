package org.hainstall.ui.pages;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.hainstall.ui.validation.PageFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Where a session starts: a new cluster, a config file, a live cluster, or a copy of one. */
public final class StartPage extends WizardPage {
    /** What the start page's buttons do. */
    public interface Actions {
        void newCluster();

        void open();

        void open(Path file);

        void reconstruct();

        void cloneCluster();
    }

    private final VBox recent = new VBox(2);
    private final Label status = new Label();
    private final Consumer<Path> openRecent;

    public StartPage(Actions actions, boolean canReconstruct) {
        super("start", "Start", List.of(), new PageFields());
        this.openRecent = actions::open;
        Label title = new Label("Set up a two-node DB2 high-availability cluster");
        title.getStyleClass().add("start-title");
        Button create = big("_New cluster", "Describe a new cluster from scratch", MaterialDesignS.SERVER_PLUS,
                actions::newCluster);
        create.setId("start-new");
        Button open = big("_Open a config…", "Open a cluster.yaml to change, check or run it",
                MaterialDesignF.FOLDER_OPEN, actions::open);
        open.setId("start-open");
        Button rec = big("_Reconstruct from a live cluster…",
                canReconstruct ? "Read a running cluster over SSH into a config"
                        : "Read a running cluster into a config (not wired into this build yet)",
                MaterialDesignD.DATABASE_SEARCH, actions::reconstruct);
        rec.setId("start-reconstruct");
        rec.setDisable(!canReconstruct);
        Button clone = big("_Clone a cluster…", "Open a (reconstructed) config and give the copy a new name",
                MaterialDesignC.CONTENT_COPY, actions::cloneCluster);
        clone.setId("start-clone");
        Label recentTitle = new Label("Recent configs");
        recentTitle.getStyleClass().add("form-heading");
        status.setId("start-status");
        status.setWrapText(true);
        VBox box = new VBox(12, title, create, open, rec, clone, status, recentTitle, recent);
        box.setPadding(new Insets(24));
        box.setAlignment(Pos.TOP_LEFT);
        setContent(box);
    }

    /** A line under the buttons, e.g. while a live cluster is read; empty hides nothing else. */
    public void showStatus(String text) {
        status.setText(text);
    }

    public String statusText() {
        return status.getText();
    }

    public void showRecent(List<Path> files) {
        recent.getChildren().clear();
        if (files.isEmpty()) {
            recent.getChildren().add(new Label("None yet."));
        }
        for (Path f : files) {
            Hyperlink link = new Hyperlink(f.toString());
            link.setOnAction(e -> openRecent.accept(f));
            recent.getChildren().add(link);
        }
    }

    private static Button big(String text, String tip, org.kordamp.ikonli.Ikon ikon, Runnable action) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(24);
        Button b = new Button(text, icon);
        b.setContentDisplay(ContentDisplay.LEFT);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(360);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add("start-button");
        b.setOnAction(e -> action.run());
        return b;
    }
}
