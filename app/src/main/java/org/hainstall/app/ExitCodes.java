package org.hainstall.app;

/** The command line's exit statuses; scripts depend on them. */
final class ExitCodes {
    static final int SUCCESS = 0;
    /** A step failed (or ended unknown), a check failed in a dry run, a node could not be reached or was locked. */
    static final int STEP_FAILED = 1;
    /**
     * A command that checks something found it wrong, and said why: the cluster is degraded ({@code status}), the
     * configs differ ({@code diff}), a key is not set ({@code get}), a secret lies in the open ({@code scan-secrets}),
     * the clone or the reconstructed config has problems to look at. The same status as a failed step, because a
     * script asks the same question of both: "is all well?".
     */
    static final int CHECK_FAILED = 1;
    /**
     * {@code switchover} was not confirmed (answered no, or no terminal to ask): nothing was done. Kept at 1, as
     * released, although {@code create}/{@code modify} say {@link #CANCELLED} for the same refusal.
     */
    static final int NOT_CONFIRMED = 1;
    /** The config could not be read or is invalid; nothing ran. */
    static final int BAD_CONFIG = 2;
    /**
     * What the command was given cannot be used, so nothing was done or written: an output file that exists, a name
     * that is not allowed, no node of the cluster that could be read. The same status as a bad config: in both the
     * admin fixes the input and runs again.
     */
    static final int NOTHING_DONE = 2;
    /** The workflow (or a part it needs) is not built in this version; nothing ran. */
    static final int NOT_BUILT = 3;
    /** The admin cancelled, or the run was interrupted (Ctrl-C); it stopped at a step boundary. */
    static final int CANCELLED = 4;
    /** hainstall itself failed (a bug): one line on the terminal, the details in its log file. */
    static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
