package org.hainstall.ui.run;

import org.hainstall.core.plan.Outcome;

/** What a row of the run tree shows: a step's outcome, or where a node or the whole run stands. */
public enum Status {
    PENDING, RUNNING, OK, CHANGED, FAILED, SKIPPED, UNKNOWN;

    static Status of(Outcome outcome) {
        return switch (outcome) {
            case OK -> OK;
            case CHANGED -> CHANGED;
            case FAILED -> FAILED;
            case SKIPPED -> SKIPPED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public boolean finished() {
        return this != PENDING && this != RUNNING;
    }
}
