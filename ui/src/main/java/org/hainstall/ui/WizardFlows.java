package org.hainstall.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.stage.Stage;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.ui.model.ConfigModel;
import org.hainstall.ui.pages.StartPage;
import org.hainstall.ui.validation.LiveValidation;

/**
 * The start page's two ways to a config that is not typed in: reconstruct (read a live cluster through core's
 * reconstruct use case, off the FX thread) and clone (core's clone use case proposes the copy and names what it
 * still shares with its source). The result is loaded as a new, unsaved config with every problem shown.
 */
final class WizardFlows {
    private final WizardServices services;
    private final ConfigModel model;
    private final LiveValidation validation;
    private final WizardDocument document;
    private final WizardNavigation navigation;
    private final StartPage startPage;
    private final Supplier<Stage> owner;
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");

    WizardFlows(WizardServices services, ConfigModel model, LiveValidation validation, WizardDocument document,
                WizardNavigation navigation, StartPage startPage, Supplier<Stage> owner) {
        this.services = services;
        this.model = model;
        this.validation = validation;
        this.document = document;
        this.navigation = navigation;
        this.startPage = startPage;
        this.owner = owner;
    }

    /** True while a reconstruct is reading the live cluster. */
    ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    void reconstruct() {
        document.whenSafeToReplace(() -> services.dialogs().askReconstruct(owner.get(), model.fileProperty().get())
                .ifPresent(request -> {
                    reading.set(true);
                    startPage.showStatus("Reading " + request.host() + "…");
                    services.reconstruction().from(request).whenComplete((result, err) -> Platform.runLater(() -> {
                        reading.set(false);
                        startPage.showStatus("");
                        if (err != null) {
                            services.dialogs().error(owner.get(), "Could not reconstruct from " + request.host(),
                                    WizardDocument.rootMessage(err));
                            return;
                        }
                        loadReconstructed(result);
                    }));
                }));
    }

    /**
     * Loads a reconstructed config as a new, unsaved one; what could not be read stays in the problems list as
     * warnings until another config is loaded.
     */
    void loadReconstructed(Reconstruction.Result result) {
        model.load(result.config(), null);
        List<Problem> unreadable = result.unreadable().stream().map(WizardFlows::unreadable).toList();
        validation.setExtraChecks(c -> unreadable);
        navigation.showAllProblems();
        navigation.go("cluster");
    }

    /** "nodes[1].address: why" → a warning on that path. */
    private static Problem unreadable(String entry) {
        int colon = entry.indexOf(": ");
        String path = colon > 0 && !entry.substring(0, colon).contains(" ") ? entry.substring(0, colon) : "";
        String why = colon > 0 && !path.isEmpty() ? entry.substring(colon + 2) : entry;
        return Problem.warning(path, org.hainstall.core.config.ProblemCode.RECONSTRUCT_UNREADABLE, "could not be read from the cluster: " + why);
    }

    void cloneCluster() {
        document.whenSafeToReplace(() -> services.dialogs().chooseOpen(owner.get()).ifPresent(source ->
                document.openFile(source).thenAccept(opened -> {
                    if (opened) {
                        proposeClone();
                    }
                })));
    }

    /**
     * Replaces the loaded config by core's proposal for a second cluster beside it (new name, node names,
     * addresses, Heartbeat port); what the copy still shares with its source is checked on every edit and shown
     * in the problems list. A copy is a new file: Save asks where, so the source is never overwritten.
     */
    void proposeClone() {
        ClusterConfig source = model.toConfig();
        String oldName = source.cluster() == null || source.cluster().name() == null ? "cluster"
                : source.cluster().name();
        services.dialogs().askText(owner.get(), "Clone", "Name of the copy (it must differ from " + oldName + ")",
                oldName + "-copy").ifPresent(name -> {
                    model.load(services.cloning().propose(source, name), null);
                    // The copy's secrets are generated in its own folder on its first run, so only the config is
                    // compared here: addresses, names, the Heartbeat port.
                    validation.setExtraChecks(copy -> services.cloning().collisions(source, copy));
                    navigation.showAllProblems();
                    navigation.go("cluster");
                });
    }
}
