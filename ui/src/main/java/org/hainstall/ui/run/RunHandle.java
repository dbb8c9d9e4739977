package org.hainstall.ui.run;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A run in progress. */
public interface RunHandle {
    /** Asks the run to stop at the next step boundary; {@link #finished()} completes when it has. */
    void cancel();

    CompletableFuture<Void> finished();

    /** The run's folder of logs (one per node and the event stream), once it exists. */
    Optional<Path> logFolder();
}
