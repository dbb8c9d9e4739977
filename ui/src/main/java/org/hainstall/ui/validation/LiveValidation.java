package org.hainstall.ui.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.ui.model.ConfigModel;

/**
 * Runs core's validator after every edit. Edits that arrive together (loading a file sets hundreds of values)
 * are validated once, on the next turn of the FX thread. The validator is pure and quick: no I/O here.
 */
public final class LiveValidation {
    private final ConfigModel model;
    private final Function<ClusterConfig, List<Problem>> validator;
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private Function<ClusterConfig, List<Problem>> extra = c -> List.of();
    private boolean scheduled;

    public LiveValidation(ConfigModel model, Function<ClusterConfig, List<Problem>> validator) {
        this.model = model;
        this.validator = validator;
        model.revisionProperty().addListener((o, a, b) -> schedule());
    }

    /** Every problem of the config as it is now, errors first. FX thread only. */
    public ObservableList<Problem> problems() {
        return problems;
    }

    /**
     * Checks that belong to where this config came from, shown beside the validator's: what a clone still shares
     * with its source, what a reconstruct could not read. Replaced (or cleared with {@code c -> List.of()}) when
     * another config is loaded. FX thread only.
     */
    public void setExtraChecks(Function<ClusterConfig, List<Problem>> checks) {
        extra = checks;
        validateNow();
    }

    public void validateNow() {
        scheduled = false;
        List<Problem> found = new ArrayList<>(model.representationProblems());
        List<String> unparsable = found.stream().map(Problem::path).toList();
        for (Problem p : validateSafely(validator, model.toConfigForChecks())) {
            // A number that does not parse reaches the validator as "missing": say what is really wrong.
            if (!unparsable.contains(p.path())) {
                found.add(p);
            }
        }
        found.addAll(validateSafely(extra, model.toConfig()));
        found.sort(Comparator.comparing(Problem::severity));
        problems.setAll(found);
    }

    /** A validator that throws must not take the FX thread down: its failure becomes a problem to show. */
    private static List<Problem> validateSafely(Function<ClusterConfig, List<Problem>> check, ClusterConfig config) {
        try {
            return check.apply(config);
        } catch (RuntimeException e) {
            return List.of(Problem.error("", ProblemCode.VALIDATOR_FAILED,
                    "The config could not be checked (" + e + "); nothing can run until it can."));
        }
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            Platform.runLater(this::validateNow);
        }
    }
}
