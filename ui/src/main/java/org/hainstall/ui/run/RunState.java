package org.hainstall.ui.run;

/** Where the run page's run stands, for the Finish page's account of what happened. */
public enum RunState {
    NOT_STARTED, RUNNING, SUCCEEDED, FAILED, CANCELLED, STOPPED
}
