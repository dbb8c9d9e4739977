package org.hainstall.ui.pages;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import org.hainstall.ui.run.RunItem;
import org.hainstall.ui.run.Status;
import org.hainstall.ui.run.StatusIcons;

/** One row of the run tree: label, counts, duration (or the running step's clock) and status icon. */
final class RunCell extends TreeCell<RunItem> {
    @Override
    protected void updateItem(RunItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            setId(null);
            setAccessibleText(null);
            return;
        }
        StringBuilder text = new StringBuilder(item.label());
        if (item.kind() != RunItem.Kind.STEP) {
            text.append("   ").append(item.finished()).append('/').append(item.total());
            if (item.changed() > 0) {
                text.append(" · ").append(item.changed()).append(" changed");
            }
            if (item.failed() > 0) {
                text.append(" · ").append(item.failed()).append(" failed");
            }
        }
        if (item.took() != null) {
            text.append("   ").append(StatusIcons.format(item.took()));
        } else if (item.started() != null && item.status() == Status.RUNNING && item.kind() == RunItem.Kind.STEP) {
            text.append("   ").append(StatusIcons.format(Duration.between(item.started(), Instant.now())));
        }
        setText(text.toString());
        setGraphic(StatusIcons.icon(item.status()));
        setTooltip(item.summary().isEmpty() ? null : new Tooltip(item.summary()));
        // Stable names for screen readers and automated checks: the row's key and its status in words.
        setId("run-row-" + RunPage.rowKey(item).replaceAll("[^A-Za-z0-9]", "_"));
        setAccessibleText(RunPage.rowKey(item) + ": " + item.status().name().toLowerCase(Locale.ROOT)
                + (item.summary().isEmpty() ? "" : ", " + item.summary()));
    }
}
