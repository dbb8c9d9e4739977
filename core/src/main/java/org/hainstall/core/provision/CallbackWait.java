package org.hainstall.core.provision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hainstall.core.seed.CallbackReport;
import org.hainstall.core.seed.CallbackServer;

/**
 * The wait of step 6, shared by both provisioners: the server's answer, the listener every tick (it reports progress,
 * and ends the wait when the run is cancelled or the node shows it cannot call back), and the admin's Cancel.
 */
public final class CallbackWait {
    private final CallbackServer server;
    private final Duration tick;
    private final Clock clock;

    public CallbackWait(CallbackServer server, Duration tick, Clock clock) {
        this.server = server;
        this.tick = tick;
        this.clock = clock;
    }

    /**
     * @param cancelled completes when the administrator cancels this node's wait (never, for a VM)
     */
    public CallbackReport await(String node, Duration timeout, Provisioner.WaitListener listener,
                         CompletableFuture<?> cancelled) throws ProvisionException, InterruptedException {
        Instant start = clock.instant();
        CompletableFuture<CallbackReport> report = server.awaitNode(node, timeout);
        CompletableFuture<Object> either = CompletableFuture.anyOf(report, cancelled);
        while (true) {
            try {
                either.get(tick.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                try {
                    listener.waiting(node, Duration.between(start, clock.instant()));
                } catch (ProvisionException stop) {
                    report.cancel(false);
                    throw stop;
                }
                continue;
            } catch (ExecutionException e) {
                throw new ProvisionException(node + ": waiting for the call back failed: " + e.getCause(), e);
            }
            if (report.isDone()) {
                return report.join();
            }
            throw new ProvisionException(node + ": cancelled by the administrator after waiting "
                    + Duration.between(start, clock.instant()).toSeconds() + "s for its call back");
        }
    }
}
