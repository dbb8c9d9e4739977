package org.hainstall.app;

/** The command line's exit statuses; scripts depend on them. */
final class ExitCodes {
    static final int SUCCESS = 0;
    /** A step failed (or ended unknown), a check failed in a dry run, a node could not be reached or was locked. */
    static final int STEP_FAILED = 1;
    /** The config could not be read or is invalid; nothing ran. */
    static final int BAD_CONFIG = 2;
    /** The workflow (or a part it needs) is not built in this version; nothing ran. */
    static final int NOT_BUILT = 3;
    /** The admin cancelled, or the run was interrupted (Ctrl-C); it stopped at a step boundary. */
    static final int CANCELLED = 4;
    /** hainstall itself failed (a bug): one line on the terminal, the details in its log file. */
    static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
