package org.hainstall.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hainstall.core.config.ClusterConfig;

/** Reads a live cluster into a config (core's reconstruct); the work runs off the FX thread. */
public interface Reconstruction {
    Reconstruction NOT_WIRED = new Reconstruction() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public CompletableFuture<Result> from(Request request) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("reconstruct is not wired"));
        }
    };

    /**
     * Which node to read and how to trust it: either {@code config}, a config of the cluster whose secrets folder
     * holds the SSH key and the pinned host keys (and whose workstation settings are kept), or the host-key
     * {@code fingerprint} the node must show and the admin's {@code identity} (private key file) for
     * {@code user}@{@code host}:{@code port}. hainstall never trusts a host key on first use.
     */
    record Request(String host, Path config, String fingerprint, Path identity, String user, int port) {
        public static Request withConfig(String host, Path config) {
            return new Request(host, config, null, null, "root", 22);
        }

        public static Request withFingerprint(String host, String fingerprint, Path identity, String user, int port) {
            return new Request(host, null, fingerprint, identity, user, port);
        }
    }

    /** The config read, and every part that could not be read ("path: why"), never a silent gap. */
    record Result(ClusterConfig config, List<String> unreadable) {
        public Result {
            unreadable = List.copyOf(unreadable);
        }
    }

    boolean available();

    CompletableFuture<Result> from(Request request);
}
