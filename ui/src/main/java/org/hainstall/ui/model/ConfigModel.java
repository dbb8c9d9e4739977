package org.hainstall.ui.model;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;

/**
 * The config being edited: the observable mirror of {@link ClusterConfig} that the wizard's pages bind to,
 * the file it came from, and whether it has changed since it was last opened or saved.
 */
public final class ConfigModel {
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final SimpleLongProperty savedRevision = new SimpleLongProperty(this, "savedRevision");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final RecordModel root = RecordModel.empty(ClusterConfig.class, this::changed);
    private final BooleanBinding dirty = Bindings.notEqual(revision, savedRevision);

    public RecordModel root() {
        return root;
    }

    /** Counts edits; every edit anywhere in the config moves it on. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ClusterConfig toConfig() {
        return (ClusterConfig) root.toRecord();
    }

    /**
     * The config with every top-level section present, empty ones with all their values missing: what the wizard
     * validates, so that a missing value is named at its own field. Its errors are the file's errors in finer words.
     */
    public ClusterConfig toConfigForChecks() {
        return (ClusterConfig) root.toRecordWithSections();
    }

    /** Replaces the whole config (opened from {@code source}, or a new one when null); not an unsaved change. */
    public void load(ClusterConfig config, Path source) {
        root.load(config);
        file.set(source);
        markSaved(source);
    }

    /** The config now matches the file at {@code target}. */
    public void markSaved(Path target) {
        markSaved(target, revision.get());
    }

    /** The config as it was at {@code atRevision} is in {@code target}: edits made since stay unsaved. */
    public void markSaved(Path target, long atRevision) {
        file.set(target);
        savedRevision.set(atRevision);
    }

    public List<Problem> representationProblems() {
        return root.representationProblems();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
