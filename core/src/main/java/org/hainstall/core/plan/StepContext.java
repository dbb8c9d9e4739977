package org.hainstall.core.plan;

import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.Shell;

/** What a running step may use. The runner builds one per step. */
public interface StepContext {

    StepId stepId();

    ClusterConfig config();

    /** The node this step runs on; null for a cluster-wide step. */
    ClusterConfig.Node node();

    /** The shell of this step's node. Cluster-wide steps use {@link #shell(String)}. */
    Shell shell();

    /** The shell of a named node of the cluster. */
    Shell shell(String nodeName);

    /** The cluster's secrets (keys, auth key, DRBD secrets); never log what it returns. */
    SecretsView secrets();

    /** Forwards command output to the run's events (and so to the logs and the UI). */
    OutputListener output();

    /** Asks the administrator something (power on a machine…); the wizard or the terminal answers. */
    AdminPrompter prompter();

    /** Throws when the run was cancelled; long steps call it between waits. */
    void checkCancelled() throws StepException;

    /**
     * Something the admin should see now, not only in the step's log: a long wait's progress, an alert. Shown on the
     * terminal and in the wizard as a note or warning (and, through the redactor, in the run's events).
     */
    default void notice(String node, Event.Notice.Level level, String message) {
        output().line(level == Event.Notice.Level.WARNING ? OutputListener.Stream.STDERR : OutputListener.Stream.STDOUT,
                message);
    }

    /** Whether the run was cancelled, for waits that end in their own way (a call back awaited). */
    default boolean cancelRequested() {
        try {
            checkCancelled();
            return false;
        } catch (StepException cancelled) {
            return true;
        }
    }
}
