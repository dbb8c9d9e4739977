package org.hainstall.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.TreeView;
import org.hainstall.core.plan.Event;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.ui.run.LogLine;
import org.hainstall.ui.run.LogView;
import org.hainstall.ui.run.PromptBanners;
import org.hainstall.ui.run.RunItem;
import org.hainstall.ui.run.RunTree;
import org.hainstall.ui.run.StatusIcons;

/**
 * Shows one batch of core's events (from the {@code EventPump}, on the FX thread): into the tree, as lines of the
 * log, as prompt banners, and as the progress in the status line.
 */
final class RunBatches {
    private final RunSession session;
    private final TreeView<RunItem> tree;
    private final LogView log;
    private final PromptBanners prompts;
    private final Consumer<String> status;
    private long lastTreeRefresh;

    RunBatches(RunSession session, TreeView<RunItem> tree, LogView log, PromptBanners prompts,
               Consumer<String> status) {
        this.session = session;
        this.tree = tree;
        this.log = log;
        this.prompts = prompts;
        this.status = status;
    }

    void accept(List<Event> batch) {
        RunTree runTree = session.runTree();
        if (runTree == null) {
            return;
        }
        runTree.accept(batch);
        session.noteRunFolder();
        List<LogLine> lines = new ArrayList<>();
        boolean statusChanged = false;
        for (Event e : batch) {
            statusChanged |= !(e instanceof Event.OutputLine);
            if (e instanceof Event.OutputLine o) {
                lines.add(new LogLine(o.at(), o.step(),
                        o.stream() == OutputListener.Stream.STDERR ? LogLine.Kind.ERR : LogLine.Kind.OUT, o.line()));
            } else if (e instanceof Event.StepStarted s) {
                lines.add(new LogLine(s.at(), s.step(), LogLine.Kind.NOTE, "▶ " + s.title()));
            } else if (e instanceof Event.ChangePlanned c) {
                lines.add(new LogLine(c.at(), c.step(), LogLine.Kind.NOTE, "change: " + c.description()));
            } else if (e instanceof Event.StepFinished f) {
                lines.add(new LogLine(f.at(), f.step(), LogLine.Kind.NOTE, "■ " + f.outcome() + " in "
                        + StatusIcons.format(f.took()) + (f.summary() == null ? "" : ": " + f.summary())
                        // The code, as on the terminal: the key to its entry in docs/PROBLEM_CODES.md.
                        + (f.failure() == null ? "" : " [" + f.failure().code() + "]")));
            } else if (e instanceof Event.PromptRequested p) {
                prompts.show(p.prompt());
                lines.add(new LogLine(p.at(), null, LogLine.Kind.NOTE, "prompt: " + p.prompt().title()));
            } else if (e instanceof Event.PromptAnswered a) {
                prompts.hide(a.promptId());
            } else if (e instanceof Event.RunFinished f) {
                lines.add(new LogLine(f.at(), null, LogLine.Kind.NOTE, "run finished: " + f.summary()));
            }
        }
        log.append(lines);
        RunItem r = runTree.root().getValue();
        if (session.running().get()) {
            status.accept(String.format("%d of %d steps finished, %d changed, %d failed", r.finished(), r.total(),
                    r.changed(), r.failed()));
        }
        // Redraw the tree when a status changed, and once a second for the running steps' clocks;
        // a batch of output alone leaves it be.
        long now = System.nanoTime();
        if (statusChanged || now - lastTreeRefresh > 1_000_000_000L) {
            lastTreeRefresh = now;
            tree.refresh();
        }
    }
}
