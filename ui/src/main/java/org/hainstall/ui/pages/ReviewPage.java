package org.hainstall.ui.pages;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.files.ConfigFiles;
import org.hainstall.ui.run.DryRun;
import org.hainstall.ui.run.PlanSummary;
import org.hainstall.core.usecase.RunRequest;
import org.hainstall.ui.run.RunModeChoice;
import org.hainstall.ui.run.Workflows;
import org.hainstall.ui.validation.PageFields;

/** The config as YAML, and the dry-run plan per node: what a run would change. Next waits for a clean config. */
public final class ReviewPage extends WizardPage {
    private final Supplier<ClusterConfig> config;
    private final Supplier<Path> file;
    private final ConfigFiles files;
    private final Workflows workflows;
    private final TextArea yaml = new TextArea();
    private final TreeView<String> plan = new TreeView<>();
    private final Label planStatus = new Label();
    private final Button compute = new Button("Compute the _dry-run plan");
    private final javafx.scene.control.ComboBox<RunMode> mode = new javafx.scene.control.ComboBox<>();

    public ReviewPage(Supplier<ClusterConfig> config, Supplier<Path> file, ConfigFiles files, Workflows workflows) {
        super("review", "Review", List.of(""), new PageFields());
        this.config = config;
        this.file = file;
        this.files = files;
        this.workflows = workflows;
        yaml.setEditable(false);
        yaml.setId("review-yaml");
        yaml.getStyleClass().add("yaml");
        plan.setId("review-plan");
        plan.setShowRoot(false);
        compute.setId("review-compute");
        RunModeChoice.fill(mode);
        mode.setId("review-mode");
        mode.setTooltip(new Tooltip("create: planned against blank nodes, nothing contacted; "
                + "modify: checks the real nodes over SSH (the config must be saved: its keys live beside it)"));
        compute.setTooltip(new Tooltip("Plan the run without changing anything"));
        compute.setOnAction(e -> computePlan());
        compute.setDisable(!workflows.available());
        planStatus.setWrapText(true);
        planStatus.setText(workflows.available() ? "Press the button to see what the run would change."
                : "The dry-run plan per node appears here once the install engine is wired into this build.");
        planStatus.setId("review-plan-status");
        setContentBuilder(() -> {
            HBox bar = new HBox(8, mode, compute);
            bar.setAlignment(Pos.CENTER_LEFT);
            VBox right = new VBox(8, new Label("Dry-run plan per node"), bar, planStatus, plan);
            VBox.setVgrow(plan, Priority.ALWAYS);
            VBox left = new VBox(8, new Label("The config file"), yaml);
            VBox.setVgrow(yaml, Priority.ALWAYS);
            SplitPane split = new SplitPane(left, right);
            split.setDividerPositions(0.5);
            split.setPadding(new Insets(12));
            return split;
        });
    }

    public String yamlText() {
        return yaml.getText();
    }

    /** The line above the plan: how to get one, "Planning…", how many changes, or why it failed. */
    public String planStatusText() {
        return planStatus.getText();
    }

    @Override
    public void entered() {
        yaml.setText(files.toYaml(config.get()));
    }

    /** Which run the plan is for. */
    public void setPlanMode(RunMode runMode) {
        mode.setValue(runMode);
    }

    /** Runs the dry run on the engine and shows its changes per node when it is done. */
    public void computePlan() {
        compute.setDisable(true);
        planStatus.setText("Planning…");
        new DryRun(workflows).of(new RunRequest(config.get(), file.get(), mode.getValue(), true))
                .whenComplete((events, err) -> Platform.runLater(() -> showPlan(events, err)));
    }

    private void showPlan(List<Event> events, Throwable err) {
        compute.setDisable(false);
        Map<String, TreeItem<String>> byNode = new LinkedHashMap<>();
        TreeItem<String> root = new TreeItem<>("plan");
        PlanSummary summary = new PlanSummary();
        for (Event e : events == null ? List.<Event>of() : events) {
            summary.accept(e);
            if (!(e instanceof Event.ChangePlanned c)) {
                continue;
            }
            String node = c.step().node() == null ? PlanSummary.CLUSTER_WIDE : c.step().node();
            TreeItem<String> n = byNode.computeIfAbsent(node, k -> {
                TreeItem<String> t = new TreeItem<>(k);
                t.setExpanded(true);
                root.getChildren().add(t);
                return t;
            });
            boolean destructive = summary.nodes().stream().filter(p -> p.node().equals(node))
                    .flatMap(p -> p.destructive().stream()).anyMatch(d -> d.step().equals(c.step().name()));
            TreeItem<String> change = new TreeItem<>((destructive ? "⚠ " : "") + c.step().name() + ": "
                    + c.description());
            c.actions().forEach(a -> change.getChildren().add(new TreeItem<>(a)));
            n.getChildren().add(change);
        }
        // The nodes in name order, the cluster-wide steps last: the order of the confirmation before a run.
        root.getChildren().sort(java.util.Comparator.comparing((TreeItem<String> t) ->
                t.getValue().equals(PlanSummary.CLUSTER_WIDE)).thenComparing(TreeItem::getValue));
        plan.setRoot(root);
        planStatus.setText(err != null ? "Planning failed: " + rootMessage(err)
                : summary.changes() + " changes planned at " + Instant.now().toString().substring(11, 19)
                + (summary.anyDestructive() ? "; ⚠ marks the ones that overwrite a device." : "."));
    }

    private static String rootMessage(Throwable err) {
        Throwable t = err;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
