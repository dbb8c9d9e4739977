package org.hainstall.core.usecase;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A run in progress on a thread of its own. */
public interface RunHandle {
    /** Asks the run to stop at the next step boundary; {@link #finished()} completes when it has. */
    void cancel();

    /** Completes when the run ends; exceptionally with a {@link RunFailedException} when it did not finish. */
    CompletableFuture<Void> finished();

    /** The run's folder of logs (one per node and the event stream), once it exists. */
    Optional<Path> logFolder();
}
