package org.hainstall.core.usecase;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.Problem;

/** Validation as the command line sees it: core's pure validator, behind an interface tests can replace. */
public interface ConfigCheck {
    List<Problem> validate(ClusterConfig config);

    /** Core's validator. */
    final class Core implements ConfigCheck {
        private final ConfigValidator validator = new ConfigValidator();

        @Override
        public List<Problem> validate(ClusterConfig config) {
            return validator.validate(config);
        }
    }
}
