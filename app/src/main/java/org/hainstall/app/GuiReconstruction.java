package org.hainstall.app;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.hainstall.core.reconstruct.Reconstruction;
import org.hainstall.core.usecase.ReconstructCluster;
import org.hainstall.ui.Reconstruction.Request;
import org.hainstall.ui.Reconstruction.Result;

/**
 * The wizard's reconstruct port, wired to core's {@link ReconstructCluster} (the use case behind
 * {@code hainstall reconstruct}), run off the FX thread. Nothing is written: the wizard loads the result as a new,
 * unsaved config.
 */
final class GuiReconstruction implements org.hainstall.ui.Reconstruction {
    private final Provider<ReconstructCluster> reconstruct;
    private final Executor executor;

    /** The use case comes when a reconstruct needs it, not with the wizard's first window. */
    @Inject
    GuiReconstruction(Provider<ReconstructCluster> reconstruct) {
        this(reconstruct, command -> {
            Thread t = new Thread(command, "hainstall-reconstruct");
            t.setDaemon(true); // read-only: nothing to finish if the window closes
            t.start();
        });
    }

    GuiReconstruction(Provider<ReconstructCluster> reconstruct, Executor executor) {
        this.reconstruct = reconstruct;
        this.executor = executor;
    }

    /** The use case behind the wizard's reconstruct (the wiring test compares it with the command line's). */
    ReconstructCluster useCase() {
        return reconstruct.get();
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public CompletableFuture<Result> from(Request request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Reconstruction r = reconstruct.get().readNode(new ReconstructCluster.NodeRequest(request.host(),
                        request.config(), request.fingerprint(), request.identity(), request.user(), request.port()));
                return new Result(r.config(), r.unreadable());
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }
}
