package org.hainstall.core.provision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.hainstall.core.config.ClusterConfig.Node;
import org.hainstall.core.seed.CallbackReport;

/**
 * Makes the nodes' machines exist and brings them to the point where they call back: steps 1, 2, 5 and the wait of
 * step 6 in DESIGN.md, for libvirt clones ({@link LibvirtProvisioner}) and physical machines
 * ({@link PhysicalProvisioner}). The engine calls, in order: {@link #prepare} (then builds the seeds at the paths
 * it gave, and registers each node with the call-back server), {@link #powerOn}, {@link #awaitCallback},
 * {@link #releaseSeed}; and {@link #undo} when a later step fails.
 */
public interface Provisioner extends AutoCloseable {

    /**
     * Steps 1–2: each named node's machine is defined (a clone, not started) or known (a physical machine), and its
     * MAC addresses are fixed — the seed needs them. Everything is checked before anything is changed.
     *
     * @param configNodes the config's nodes, in its order (problems name them by their index there)
     * @param which       the names of those to provision now
     * @param seedIso     where each node's seed ISO will be, by node name
     */
    List<NodeMachine> prepare(List<Node> configNodes, java.util.Set<String> which, Function<String, Path> seedIso)
            throws ProvisionException;

    /** Every node of the config. */
    default List<NodeMachine> prepare(List<Node> configNodes, Function<String, Path> seedIso)
            throws ProvisionException {
        return prepare(configNodes, configNodes.stream().map(Node::name).collect(java.util.stream.Collectors.toSet()),
                seedIso);
    }

    /** Step 5: powers the node on with its seed attached, or asks the administrator to. Returns at once. */
    void powerOn(String node) throws ProvisionException;

    /**
     * Step 6: waits for the node's call back, telling {@code listener} how long it has waited now and then. Returns
     * the call-back server's report (READY, PREP_FAILED, HOST_KEY_MISMATCH or TIMED_OUT with what to check).
     * Ends early with a ProvisionException when the administrator cancels, or when the thread is interrupted.
     */
    CallbackReport awaitCallback(String node, Duration timeout, WaitListener listener)
            throws ProvisionException, InterruptedException;

    /** What the machine itself shows now (still running? node-prep's lines on its console?); never throws. */
    default MachineSigns signs(String node) {
        return MachineSigns.NONE;
    }

    /** After an accepted call back: the seed (it holds the node's private host key) is taken away and deleted. */
    List<String> releaseSeed(String node) throws ProvisionException;

    /** A later step failed: removes what this run defined, nothing else. Returns what could not be undone. */
    List<String> undo();

    @Override
    void close();

    /** A node's machine as provisioned: the MACs its seed will look for. */
    record NodeMachine(String node, String mainMac, String replicationMac, String description) { }

    /**
     * Hears, about every second, how long a node's call back has been awaited (the wizard and the terminal show it),
     * and may end the wait early by throwing: {@link ProvisionCancelledException} when the run is cancelled, a
     * ProvisionException naming the node's own reason when it shows it cannot call back.
     */
    @FunctionalInterface
    interface WaitListener {
        void waiting(String node, Duration waited) throws ProvisionException;

        /** What was last seen of the node, for a report when its call back never came; empty when nothing. */
        default String lastSeen(String node) {
            return "";
        }
    }
}
