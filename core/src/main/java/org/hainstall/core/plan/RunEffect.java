package org.hainstall.core.plan;

/** Whether a run changes the nodes or only reports what it would change. */
public enum RunEffect {
    /** check → apply → verify. */
    APPLY,
    /** check only; every {@link Check.Change} is reported as a planned change, nothing is applied. */
    DRY_RUN
}
