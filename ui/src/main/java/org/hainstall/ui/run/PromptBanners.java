package org.hainstall.ui.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hainstall.core.plan.Prompt;

/** The admin's open prompts, shown in place on the run page, each with Done and Cancel. FX thread only. */
public final class PromptBanners {
    private final VBox box = new VBox(6);
    private final Map<String, HBox> shown = new LinkedHashMap<>();
    private final BiConsumer<Prompt, Prompt.Answer> onAnswer;

    public PromptBanners(BiConsumer<Prompt, Prompt.Answer> onAnswer) {
        this.onAnswer = onAnswer;
        box.setId("prompts");
    }

    public VBox node() {
        return box;
    }

    public int count() {
        return shown.size();
    }

    public void show(Prompt prompt) {
        if (shown.containsKey(prompt.id())) {
            return;
        }
        Label title = new Label((prompt.node() == null ? "" : prompt.node() + ": ") + prompt.title());
        title.getStyleClass().add("prompt-title");
        Label message = new Label(prompt.message());
        message.setWrapText(true);
        VBox text = new VBox(2, title, message);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button done = new Button("_Done");
        done.setId("prompt-done-" + prompt.id());
        done.setDefaultButton(false);
        done.setTooltip(new Tooltip("I have done this; carry on"));
        done.setOnAction(e -> onAnswer.accept(prompt, Prompt.Answer.DONE));
        Button cancel = new Button("Cancel");
        cancel.setId("prompt-cancel-" + prompt.id());
        cancel.setTooltip(new Tooltip("Do not do this; the step fails and the run stops at the next boundary"));
        cancel.setOnAction(e -> onAnswer.accept(prompt, Prompt.Answer.CANCEL));
        done.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox banner = new HBox(10, StatusIcons.prompt(), text, done, cancel);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8));
        banner.getStyleClass().add("prompt-banner");
        shown.put(prompt.id(), banner);
        box.getChildren().add(banner);
    }

    public void hide(String promptId) {
        HBox banner = shown.remove(promptId);
        if (banner != null) {
            box.getChildren().remove(banner);
        }
    }

    public void clear() {
        shown.clear();
        box.getChildren().clear();
    }
}
