package org.hainstall.ui.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import org.hainstall.core.config.Problem;

/**
 * The fields of one wizard page and their config paths. It owns the page's ControlsFX {@link ValidationSupport}
 * (built with the page, so after the toolkit has started); the support only shows what core's validator found:
 * each field's validator looks up the current problems for its path.
 */
public final class PageFields {
    private final ValidationSupport support = new ValidationSupport();
    private final Map<Control, Supplier<String>> paths = new LinkedHashMap<>();
    private List<Problem> problems = List.of();

    public PageFields() {
        support.setValidationDecorator(new CompoundValidationDecoration(
                new GraphicValidationDecoration(), new StyleClassValidationDecoration()));
    }

    /** {@code path} is asked each time, because a list row's path changes when a row above it goes. */
    public void register(Control control, Supplier<String> path) {
        paths.put(control, path);
        support.registerValidator(control, false, (Control c, Object value) -> resultFor(c));
    }

    public void unregister(Control control) {
        paths.remove(control);
    }

    /** Shows {@code current} (every problem of the config) on this page's fields. */
    public void show(List<Problem> current) {
        problems = List.copyOf(current);
        support.revalidate();
    }

    public ValidationSupport support() {
        return support;
    }

    /** The field a problem is about: its own path, or the list field its element path points into. */
    public Optional<Control> controlFor(String problemPath) {
        for (Map.Entry<Control, Supplier<String>> e : paths.entrySet()) {
            if (matches(e.getValue().get(), problemPath)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    public Optional<String> pathOf(Control control) {
        Supplier<String> p = paths.get(control);
        return p == null ? Optional.empty() : Optional.of(p.get());
    }

    static boolean matches(String fieldPath, String problemPath) {
        return problemPath.equals(fieldPath) || problemPath.startsWith(fieldPath + "[");
    }

    private ValidationResult resultFor(Control c) {
        Supplier<String> path = paths.get(c);
        ValidationResult result = new ValidationResult();
        if (path == null) {
            return result;
        }
        String fieldPath = path.get();
        for (Problem p : problems) {
            if (matches(fieldPath, p.path())) {
                result.add(p.isError() ? ValidationMessage.error(c, p.message())
                        : ValidationMessage.warning(c, p.message()));
            }
        }
        return result;
    }
}
