package org.hainstall.app;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.reconstruct.ConfigAssembler;
import org.hainstall.core.reconstruct.FactsCollector;
import org.hainstall.core.reconstruct.Reconstruction;
import org.hainstall.core.remote.Shell;
import org.hainstall.ui.Reconstruction.Request;
import org.hainstall.ui.Reconstruction.Result;

/**
 * The wizard's reconstruct: reaches the node as {@code hainstall reconstruct --from} does (pinned host keys from a
 * config's secrets folder, or a fingerprint and a key) and reads it with core's facts collector and assembler.
 * Nothing is written: the wizard loads the result as a new, unsaved config.
 */
final class GuiReconstruction implements org.hainstall.ui.Reconstruction {
    private final Provider<ConfigLoader> loader;
    private final LiveClusterReader reader;
    private final Executor executor;

    /** The loader comes when a reconstruct needs it, not with the wizard's first window. */
    @Inject
    GuiReconstruction(Provider<ConfigLoader> loader) {
        this(loader, new LiveClusterReader(org.hainstall.core.remote.SshOptions.DEFAULTS), command -> {
            Thread t = new Thread(command, "hainstall-reconstruct");
            t.setDaemon(true); // read-only: nothing to finish if the window closes
            t.start();
        });
    }

    GuiReconstruction(Provider<ConfigLoader> loader, LiveClusterReader reader, Executor executor) {
        this.loader = loader;
        this.reader = reader;
        this.executor = executor;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public CompletableFuture<Result> from(Request request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return read(request);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    private Result read(Request request) throws Exception {
        if (request.host() == null || request.host().isBlank()) {
            throw new LiveClusterReader.BadTargetException("name the node to read (host name or address)");
        }
        ClusterConfig known = null;
        if (request.config() != null) {
            try {
                known = loader.get().load(request.config());
            } catch (ConfigException e) {
                throw new LiveClusterReader.BadTargetException(request.config() + ": " + e.getMessage());
            }
        }
        LiveClusterReader.Target target = new LiveClusterReader.Target(request.host().strip(), request.config(),
                known, request.fingerprint(), request.identity(), request.user() == null ? "root" : request.user(),
                request.port() <= 0 ? 22 : request.port());
        try (Shell shell = reader.open(target)) {
            Reconstruction r = ConfigAssembler.assemble(new FactsCollector(shell).collect(),
                    LiveClusterReader.workstation(known, null));
            return new Result(r.config(), r.unreadable());
        }
    }
}
