package org.hainstall.core.provision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hainstall.core.seed.CallbackReport;

/**
 * The nodes' call backs awaited side by side: the machines boot at the same time, so each node's timeout, progress
 * lines and stall alert count from the moment it was powered on, not from the end of the previous node's wait (a
 * machine never powered on is then reported after {@code provisioning.callbackTimeout}, not after the other's boot
 * plus that). The first node that fails ends the other waits: the run undoes everything either way, and the admin
 * learns the reason at once.
 */
final class CallbackWaits {
    private static final long SAME_MOMENT_MS = 500;
    private final Provisioner provisioner;
    private final Provisioner.WaitListener listener;

    CallbackWaits(Provisioner provisioner, Provisioner.WaitListener listener) {
        this.provisioner = provisioner;
        this.listener = listener;
    }

    /** Every node's report, all READY; otherwise the first failure (with its last-seen line when it timed out). */
    Map<String, CallbackReport> awaitAll(List<String> nodes, Duration timeout)
            throws ProvisionException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nodes.size()), r -> {
            Thread t = new Thread(r, "hainstall-callback-wait");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Map.Entry<String, CallbackReport>> done = new ExecutorCompletionService<>(pool);
        List<Future<?>> waits = new ArrayList<>();
        try {
            for (String node : nodes) {
                waits.add(done.submit(() -> Map.entry(node, provisioner.awaitCallback(node, timeout, listener))));
            }
            Map<String, CallbackReport> reports = new LinkedHashMap<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < nodes.size() && failures.isEmpty(); i++) {
                collect(done.take(), reports, failures);
            }
            // Nodes whose waits end at the same moment (both timed out) are all named; the others end now.
            for (Future<Map.Entry<String, CallbackReport>> f; !failures.isEmpty()
                    && (f = done.poll(SAME_MOMENT_MS, TimeUnit.MILLISECONDS)) != null; ) {
                collect(f, reports, failures);
            }
            if (!failures.isEmpty()) {
                throw new ProvisionException(failures);
            }
            Map<String, CallbackReport> inOrder = new LinkedHashMap<>();
            nodes.forEach(n -> inOrder.put(n, reports.get(n)));
            return inOrder;
        } finally {
            waits.forEach(w -> w.cancel(true));
            pool.shutdownNow();
        }
    }

    private void record(Map.Entry<String, CallbackReport> r, Map<String, CallbackReport> reports,
                        List<String> failures) {
        reports.put(r.getKey(), r.getValue());
        if (!r.getValue().ready()) {
            String seen = r.getValue().outcome() == CallbackReport.Outcome.TIMED_OUT ? listener.lastSeen(r.getKey()) : "";
            failures.add(r.getValue().describe() + (seen.isEmpty() ? "" : "\n  - last seen: " + seen));
        }
    }

    /** A finished wait: its report, or its failure among the others; a cancel or an interrupt ends all at once. */
    private void collect(Future<Map.Entry<String, CallbackReport>> finished, Map<String, CallbackReport> reports,
                         List<String> failures) throws ProvisionException, InterruptedException {
        try {
            record(finished.get(), reports, failures);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProvisionCancelledException c) {
                throw c;
            }
            if (e.getCause() instanceof ProvisionException p) {
                failures.add(p.getMessage());
                return;
            }
            if (e.getCause() instanceof InterruptedException i) {
                throw i;
            }
            throw new ProvisionException("waiting for the call backs failed: " + e.getCause(), e.getCause());
        }
    }
}
