package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import java.util.List;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.Problem;

/**
 * {@code validate}: every problem of a config at once, touching no machine. Unknown keys and wrong types found
 * while reading are reported with every other problem, not instead of them.
 */
public final class ValidateConfig {
    private final ConfigValidator validator;

    @Inject
    public ValidateConfig(ConfigValidator validator) {
        this.validator = validator;
    }

    public List<Problem> validate(ConfigLoader.Result read) {
        return validator.validate(read);
    }
}
