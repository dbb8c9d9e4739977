package org.hainstall.core.config;

import java.util.List;

/**
 * Validation is one pure function: every problem of a config at once, never stopping at the first.
 * (Placeholder until the validator lands: it finds nothing.)
 */
public final class ConfigValidator {
    public List<Problem> validate(ClusterConfig config) {
        return List.of();
    }
}
