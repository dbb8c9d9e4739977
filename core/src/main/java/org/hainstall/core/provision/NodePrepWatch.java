package org.hainstall.core.provision;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Watches the nodes while their call backs are awaited (the {@link Provisioner.WaitListener} of step 6):
 * <ul>
 *   <li>ends the wait at once when the run is cancelled (Ctrl-C, SIGTERM, the wizard's Cancel);</li>
 *   <li>says every {@link #PROGRESS_EVERY} what is awaited, for how long, and what the node shows;</li>
 *   <li>every {@link #LOOK_EVERY}, off the waiting thread, looks at the node: its VM's state and console (through
 *       the provisioner), its SSH port, and — once it answers with its pinned host key — node-prep's own log; when
 *       that shows the node cannot call back, the wait ends naming the node's reason ({@link NodePrepVerdict});</li>
 *   <li>when a machine shows no sign of life for {@link #STALL_AFTER} (a physical machine nobody powered on), an
 *       alert says so, again every {@link #STALL_REPEAT}.</li>
 * </ul>
 */
public final class NodePrepWatch implements Provisioner.WaitListener, AutoCloseable {
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    static final Duration LOOK_EVERY = Duration.ofSeconds(10);
    static final Duration STALL_AFTER = Duration.ofMinutes(2);
    static final Duration STALL_REPEAT = Duration.ofMinutes(5);
    private static final int PORT_TIMEOUT_MS = 2000;

    /** Reads node-prep's log over SSH with the node's pinned host key; throws when that is not possible yet. */
    @FunctionalInterface
    public interface LogReader {
        String nodePrepLog(String node) throws Exception;
    }

    /** Where a node's SSH server will listen. */
    public record Endpoint(String address, int port) { }

    private final Map<String, Endpoint> endpoints;
    private final Provisioner provisioner;
    private final LogReader logReader;
    private final BooleanSupplier cancelled;
    private final Consumer<String> say;
    private final Clock clock;
    private final ExecutorService looker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hainstall-node-prep-watch");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, NodeView> views = new ConcurrentHashMap<>();

    public NodePrepWatch(Map<String, Endpoint> endpoints, Provisioner provisioner, LogReader logReader,
                         BooleanSupplier cancelled, Consumer<String> say, Clock clock) {
        this.endpoints = Map.copyOf(endpoints);
        this.provisioner = provisioner;
        this.logReader = logReader;
        this.cancelled = cancelled;
        this.say = say;
        this.clock = clock;
    }

    @Override
    public void waiting(String node, Duration waited) throws ProvisionException {
        if (cancelled.getAsBoolean()) {
            say.accept(node + ": the wait for its call back ends (the run was cancelled); undoing what this run made");
            throw new ProvisionCancelledException(node + ": the run was cancelled while its call back was awaited ("
                    + waited.toSeconds() + " s)");
        }
        NodeView view = views.computeIfAbsent(node, n -> new NodeView());
        Instant now = clock.instant();
        Optional<String> reason = view.reason;
        if (reason != null && reason.isPresent()) {
            throw new ProvisionException(node + " cannot call back: " + reason.get());
        }
        if (view.look == null || view.look.isDone() && !now.isBefore(view.lastLook.plus(LOOK_EVERY))) {
            view.lastLook = now;
            view.look = looker.submit(() -> look(node, view));
        }
        if (!now.isBefore(view.lastProgress.plus(PROGRESS_EVERY))) {
            view.lastProgress = now;
            say.accept(node + ": waiting for its call back, " + waited.toSeconds() + " s so far; " + view.seen);
        }
        if (!view.alive && waited.compareTo(STALL_AFTER) >= 0 && !now.isBefore(view.lastAlert.plus(STALL_REPEAT))) {
            view.lastAlert = now;
            Endpoint e = endpoints.get(node);
            say.accept("ALERT " + node + ": no sign of life " + waited.toMinutes() + " min after it was to be powered"
                    + " on: no call back, and nothing answers on " + (e == null ? "its address" : e.address() + ":"
                    + e.port()) + ". Check that it is powered on, with its seed attached, on the network the config"
                    + " names.");
        }
    }

    @Override
    public String lastSeen(String node) {
        NodeView view = views.get(node);
        return view == null ? "" : view.seen;
    }

    private void look(String node, NodeView view) {
        MachineSigns signs = provisioner.signs(node);
        String log = null;
        Endpoint e = endpoints.get(node);
        boolean portOpen = e != null && portOpen(e);
        if (portOpen) {
            try {
                log = logReader.nodePrepLog(node);
                if (view.pinnedSince == null) {
                    view.pinnedSince = clock.instant();
                }
            } catch (Exception notYet) {
                // sshd still serves the key the stub made for itself, or is not ready: node-prep is not that far
            }
        }
        view.alive |= signs.running() || portOpen || !signs.nodePrepConsole().isEmpty() || signs.stoppedState() != null;
        view.seen = signs.stoppedState() != null ? "its VM is " + signs.stoppedState()
                : view.pinnedSince != null ? "it answers over SSH with its pinned host key"
                : portOpen ? "its SSH port is open, node-prep has not installed its host key yet"
                : !signs.nodePrepConsole().isEmpty() ? "its console shows node-prep at work"
                : signs.running() ? "its VM runs, no answer from it yet (booting)"
                : "no answer from it yet (booting)";
        Duration pinned = view.pinnedSince == null ? null : Duration.between(view.pinnedSince, clock.instant());
        view.reason = NodePrepVerdict.reasonToStop(signs, log, pinned);
    }

    private static boolean portOpen(Endpoint e) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(e.address(), e.port()), PORT_TIMEOUT_MS);
            return true;
        } catch (IOException | IllegalArgumentException closed) {
            return false;
        }
    }

    @Override
    public void close() {
        looker.shutdownNow();
    }

    /** One node's view; written by its look (one at a time), read by the waiting thread. */
    private static final class NodeView {
        volatile Optional<String> reason;
        volatile Future<?> look;
        volatile Instant lastLook = Instant.MIN;
        volatile Instant lastProgress = Instant.EPOCH;
        volatile Instant lastAlert = Instant.EPOCH;
        volatile Instant pinnedSince;
        volatile boolean alive;
        volatile String seen = "no answer from it yet (booting)";
    }
}
