package org.hainstall.ui.pages;

import java.util.concurrent.CompletionException;
import org.hainstall.core.config.ClusterConfig;

/** The run page's words shared by the start flow and the run's bookkeeping: pure functions, no state. */
final class RunTexts {
    private RunTexts() {
    }

    /** The tree's root label; a config still being written may have no cluster name yet. */
    static String clusterName(ClusterConfig c) {
        return c == null || c.cluster() == null || c.cluster().name() == null ? "cluster" : c.cluster().name();
    }

    /** The message of the failure itself: a future wraps it in CompletionExceptions that say nothing. */
    static String rootMessage(Throwable err) {
        Throwable t = err;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
