package org.hainstall.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.ui.files.RecentFiles;
import org.hainstall.ui.model.ConfigModel;

/**
 * The config being edited as a document: open, save, save as, the recent files, and the question before unsaved
 * changes are replaced. Files are read and written on the io executor and the result applied on the FX thread, so
 * the window never waits on the disk.
 */
final class WizardDocument {
    private final WizardServices services;
    private final ConfigModel model;
    private final RecentFiles recent;
    private final Supplier<Stage> owner;
    private final Consumer<List<Path>> recentChanged;
    private final Runnable opened;

    /**
     * {@code owner} is the window dialogs belong to; {@code recentChanged} hears the recent files after each open
     * and save; {@code opened} runs once a file's config is loaded into the model.
     */
    WizardDocument(WizardServices services, ConfigModel model, Supplier<Stage> owner,
                   Consumer<List<Path>> recentChanged, Runnable opened) {
        this.services = services;
        this.model = model;
        this.recent = new RecentFiles(services.prefs().node("recent"));
        this.owner = owner;
        this.recentChanged = recentChanged;
        this.opened = opened;
    }

    /** The files opened or saved last, newest first. */
    List<Path> recentFiles() {
        return recent.list();
    }

    /**
     * Opens {@code file} without asking about unsaved changes. Completes (on the FX thread) with false, and an
     * error shown, if it cannot be read; the config being edited is then left as it was.
     */
    CompletableFuture<Boolean> openFile(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return services.files().load(file);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, services.io()).whenComplete((config, err) -> Platform.runLater(() -> {
            if (err != null) {
                services.dialogs().error(owner.get(), "Cannot open " + file, rootMessage(err));
                done.complete(false);
                return;
            }
            model.load(config, file);
            recent.add(file);
            recentChanged.accept(recent.list());
            opened.run();
            done.complete(true);
        }));
        return done;
    }

    /** Saves to the current file, or asks for one; completes with false if not saved. */
    CompletableFuture<Boolean> save() {
        Path file = model.fileProperty().get();
        return file == null ? saveAs() : saveTo(file);
    }

    CompletableFuture<Boolean> saveAs() {
        Path suggestion = model.fileProperty().get();
        if (suggestion == null) {
            String name = model.root().child("cluster").text("name").get();
            suggestion = Path.of((name.isBlank() ? "cluster" : name) + ".yaml");
        }
        Optional<Path> target = services.dialogs().chooseSave(owner.get(), suggestion);
        return target.isPresent() ? saveTo(target.get()) : CompletableFuture.completedFuture(false);
    }

    /** Writes the config as it is now; edits made while it is written stay unsaved. */
    CompletableFuture<Boolean> saveTo(Path file) {
        ClusterConfig config = model.toConfig();
        long revision = model.revisionProperty().get();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                services.files().save(file, config);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, services.io()).whenComplete((v, err) -> Platform.runLater(() -> {
            if (err != null) {
                services.dialogs().error(owner.get(), "Cannot save " + file, rootMessage(err));
                done.complete(false);
                return;
            }
            model.markSaved(file, revision);
            recent.add(file);
            recentChanged.accept(recent.list());
            done.complete(true);
        }));
        return done;
    }

    /** Runs {@code then} once it is fine to replace the config: unchanged, saved, or the changes discarded. */
    void whenSafeToReplace(Runnable then) {
        if (!model.isDirty()) {
            then.run();
            return;
        }
        switch (services.dialogs().askUnsaved(owner.get())) {
            case SAVE -> save().thenAccept(saved -> {
                if (saved) {
                    then.run();
                }
            });
            case DISCARD -> then.run();
            case CANCEL -> { }
        }
    }

    /** The message worth showing: the cause behind the future's wrappers. */
    static String rootMessage(Throwable err) {
        Throwable t = err;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
