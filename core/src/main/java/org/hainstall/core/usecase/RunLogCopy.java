package org.hainstall.core.usecase;

import java.nio.file.Path;

/**
 * Copies the process's log into a run's folder while the run lasts. The logging backend is the launcher's choice
 * (core only speaks SLF4J), so the launcher supplies this; without it a run's folder holds its events only.
 */
@FunctionalInterface
public interface RunLogCopy {
    RunLogCopy NONE = runFolder -> () -> { };

    /** Starts copying; closing the result stops it. */
    AutoCloseable copyInto(Path runFolder);
}
