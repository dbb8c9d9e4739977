package org.hainstall.core.config;

/** How serious a {@link Problem} is: errors stop every workflow, warnings are shown and do not. */
public enum Severity {
    ERROR,
    WARNING
}
