package org.hainstall.ui;

import java.util.concurrent.CompletableFuture;
import org.hainstall.core.config.ClusterConfig;

/** Reads a live cluster into a config (core's reconstruct workflow); off the FX thread. */
public interface Reconstruction {
    Reconstruction NOT_WIRED = new Reconstruction() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public CompletableFuture<ClusterConfig> from(String host) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("reconstruct is not wired"));
        }
    };

    boolean available();

    CompletableFuture<ClusterConfig> from(String host);
}
