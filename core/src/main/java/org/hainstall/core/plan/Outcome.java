package org.hainstall.core.plan;

/** How a step ended. */
public enum Outcome {
    /** Already as the config asks. */
    OK,
    /** Changed, and verified. */
    CHANGED,
    FAILED,
    /** Not run: a dependency failed, the run was cancelled, or a dry run. */
    SKIPPED,
    /** Interrupted mid-way (connection lost, installer killed): the next run re-checks it. */
    UNKNOWN
}
