package org.hainstall.ui.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live log of the selected tree row: a {@link ListView} over a capped list (never a TextArea), with a
 * filter, a search, "follow tail" and copy. All lines of the run are kept (up to {@link #STORE_MAX}) so that
 * choosing another row or filter shows that row's past lines too. FX thread only.
 */
public final class LogView {
    public static final int MAX_SHOWN = 20_000;
    public static final int STORE_MAX = 200_000;
    private final ArrayDeque<LogLine> store = new ArrayDeque<>();
    private final ObservableList<LogLine> shown = FXCollections.observableArrayList();
    private final ListView<LogLine> list = new ListView<>(shown);
    private final TextField filter = new TextField();
    private final TextField search = new TextField();
    private final CheckBox follow = new CheckBox("_Follow");
    private final Label count = new Label();
    private final VBox box;
    private Predicate<LogLine> scope = l -> true;
    private long appended;

    public LogView() {
        list.setId("log");
        list.getStyleClass().add("log");
        list.setFixedCellSize(20);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new LogCell());
        list.setPlaceholder(new Label("No output yet."));
        filter.setId("log-filter");
        filter.setPromptText("Filter");
        filter.setTooltip(new Tooltip("Show only lines that contain this text"));
        filter.textProperty().addListener((o, a, b) -> rebuild());
        search.setId("log-search");
        search.setPromptText("Search");
        search.setTooltip(new Tooltip("Enter finds the next line that contains this text"));
        search.setOnAction(e -> findNext());
        Button next = new Button("Find _next");
        next.setOnAction(e -> findNext());
        follow.setId("log-follow");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the newest line in view"));
        Button copy = new Button("_Copy");
        copy.setId("log-copy");
        copy.setTooltip(new Tooltip("Copy the selected lines, or every shown line when none is selected"));
        copy.setOnAction(e -> copy());
        list.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copy();
            }
        });
        filter.setPrefColumnCount(10);
        search.setPrefColumnCount(10);
        for (javafx.scene.control.Control c : List.of(next, follow, copy, count)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox tools = new HBox(6, filter, search, next, follow, copy, count);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(4, 0, 4, 0));
        VBox.setVgrow(list, Priority.ALWAYS);
        box = new VBox(tools, list);
    }

    public VBox node() {
        return box;
    }

    public ListView<LogLine> listView() {
        return list;
    }

    public ObservableList<LogLine> shown() {
        return shown;
    }

    /** Lines appended since the view was made (the benchmark's counter). */
    public long appended() {
        return appended;
    }

    public void setFollow(boolean on) {
        follow.setSelected(on);
    }

    /** Shows only the lines of {@code row} (the selected tree item); null shows everything. */
    public void setScope(RunItem row) {
        scope = row == null ? l -> true : l -> l.step() == null ? row.kind() == RunItem.Kind.CLUSTER : row.covers(l.step());
        rebuild();
    }

    public void clear() {
        store.clear();
        shown.clear();
        updateCount();
    }

    public void append(List<LogLine> lines) {
        appended += lines.size();
        List<LogLine> add = new ArrayList<>();
        Predicate<LogLine> p = visible();
        for (LogLine l : lines) {
            store.addLast(l);
            if (p.test(l)) {
                add.add(l);
            }
        }
        while (store.size() > STORE_MAX) {
            store.removeFirst();
        }
        if (add.size() > MAX_SHOWN) {
            add = add.subList(add.size() - MAX_SHOWN, add.size());
        }
        int excess = shown.size() + add.size() - MAX_SHOWN;
        if (excess > 0) {
            shown.remove(0, excess);
        }
        shown.addAll(add);
        updateCount();
        if (follow.isSelected() && !shown.isEmpty()) {
            list.scrollTo(shown.size() - 1);
        }
    }

    private Predicate<LogLine> visible() {
        String f = filter.getText() == null ? "" : filter.getText().toLowerCase(Locale.ROOT);
        Predicate<LogLine> s = scope;
        return f.isEmpty() ? s : l -> s.test(l) && l.text().toLowerCase(Locale.ROOT).contains(f);
    }

    private void rebuild() {
        Predicate<LogLine> p = visible();
        List<LogLine> matching = store.stream().filter(p).collect(Collectors.toList());
        if (matching.size() > MAX_SHOWN) {
            matching = matching.subList(matching.size() - MAX_SHOWN, matching.size());
        }
        shown.setAll(matching);
        updateCount();
        if (follow.isSelected() && !shown.isEmpty()) {
            list.scrollTo(shown.size() - 1);
        }
    }

    private void findNext() {
        String s = search.getText() == null ? "" : search.getText().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || shown.isEmpty()) {
            return;
        }
        int from = list.getSelectionModel().getSelectedIndex() + 1;
        for (int k = 0; k < shown.size(); k++) {
            int i = (from + k) % shown.size();
            if (shown.get(i).text().toLowerCase(Locale.ROOT).contains(s)) {
                follow.setSelected(false);
                list.getSelectionModel().clearAndSelect(i);
                list.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    private void copy() {
        List<LogLine> lines = list.getSelectionModel().getSelectedItems().isEmpty() ? shown
                : list.getSelectionModel().getSelectedItems();
        ClipboardContent c = new ClipboardContent();
        c.putString(lines.stream().map(LogLine::toString).collect(Collectors.joining("\n")));
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void updateCount() {
        count.setText(shown.size() + " lines");
    }

    private static final class LogCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("log-err", "log-note");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.toString());
            if (line.kind() == LogLine.Kind.ERR) {
                getStyleClass().add("log-err");
            } else if (line.kind() == LogLine.Kind.NOTE) {
                getStyleClass().add("log-note");
            }
        }
    }
}
