package org.hainstall.core.machines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hainstall.core.config.ClusterConfig.Node;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.Prompt;
import org.hainstall.core.seed.CallbackReport;
import org.hainstall.core.seed.CallbackServer;
import org.hainstall.core.provision.CallbackWait;
import org.hainstall.core.provision.ProvisionException;
import org.hainstall.core.provision.Provisioner;

/**
 * {@link Provisioner} for physical machines: nothing to define; per node, the administrator is asked to power it on
 * with its seed attached (or to run node-prep from it by hand), and the run waits for its call back. The prompt is
 * an ordinary {@link Prompt}: the wizard shows it on the run page, the terminal prints it. Answering CANCEL ends the
 * wait for that node.
 */
public final class PhysicalProvisioner implements Provisioner {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private final AdminPrompter prompter;
    private final CallbackWait wait;
    private final Map<String, NodeMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, Path> seeds = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Prompt.Answer>> answers = new ConcurrentHashMap<>();

    public PhysicalProvisioner(AdminPrompter prompter, CallbackServer server, Duration tick, Clock clock) {
        this.prompter = prompter;
        this.wait = new CallbackWait(server, tick, clock);
    }

    public PhysicalProvisioner(AdminPrompter prompter, CallbackServer server) {
        this(prompter, server, Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** Physical machines are known by their MACs: the config must give them (the seed finds interfaces by MAC). */
    @Override
    public List<NodeMachine> prepare(List<Node> nodes, java.util.Set<String> which, Function<String, Path> seedIso)
            throws ProvisionException {
        List<String> problems = new ArrayList<>();
        List<NodeMachine> result = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (!which.contains(n.name())) {
                continue;
            }
            String mac = mac(n.mac(), "nodes[" + i + "].mac", true, problems);
            boolean repl = n.replicationAddress() != null && !n.replicationAddress().isBlank();
            String replMac = mac(n.replicationMac(), "nodes[" + i + "].replicationMac", repl, problems);
            result.add(new NodeMachine(n.name(), mac, replMac, "physical machine " + n.name() + " (MAC " + mac + ")"));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            NodeMachine m = result.get(i);
            if (m.mainMac() != null && !seen.add(m.mainMac())) {
                problems.add("nodes[" + i + "].mac: " + m.mainMac() + " is given to another interface too");
            }
            if (m.replicationMac() != null && !seen.add(m.replicationMac())) {
                problems.add("nodes[" + i + "].replicationMac: " + m.replicationMac()
                        + " is given to another interface too");
            }
        }
        if (!problems.isEmpty()) {
            throw new ProvisionException(problems);
        }
        for (NodeMachine m : result) {
            machines.put(m.node(), m);
            seeds.put(m.node(), seedIso.apply(m.node()));
        }
        return result;
    }

    @Override
    public void powerOn(String node) throws ProvisionException {
        NodeMachine m = machineOrThrow(node);
        Path iso = seeds.get(node);
        String macs = "MAC " + m.mainMac() + (m.replicationMac() == null ? "" : ", replication MAC " + m.replicationMac());
        Prompt prompt = new Prompt("power-on-" + node, node, "Power on " + node,
                "Power on " + node + " (" + macs + ") with ISO " + iso + " attached, or run node-prep from it by hand: "
                        + "mount it and run sh MOUNT/hainstall/node-prep.sh MOUNT. The run continues when " + node
                        + " calls back.");
        answers.put(node, prompter.ask(prompt));
    }

    @Override
    public CallbackReport awaitCallback(String node, Duration timeout, WaitListener listener)
            throws ProvisionException, InterruptedException {
        machineOrThrow(node);
        CompletableFuture<Prompt.Answer> answer = answers.getOrDefault(node, new CompletableFuture<>());
        // DONE only means "it is powered on": the wait goes on until the node calls back.
        CompletableFuture<Prompt.Answer> cancelled = answer.thenCompose(a -> a == Prompt.Answer.CANCEL
                ? CompletableFuture.completedFuture(a) : new CompletableFuture<>());
        return wait.await(node, timeout, listener, cancelled);
    }

    /** Deletes this workstation's copy of the seed; the medium the admin attached is theirs to remove. */
    @Override
    public List<String> releaseSeed(String node) throws ProvisionException {
        machineOrThrow(node);
        List<String> notes = new ArrayList<>();
        try {
            Files.deleteIfExists(seeds.get(node));
        } catch (IOException e) {
            notes.add("could not delete " + seeds.get(node) + ": " + e.getMessage());
        }
        notes.add("remove the seed medium from " + node + ": it holds the node's private host key");
        return notes;
    }

    /** Nothing was defined: physical machines are the admin's. */
    @Override
    public List<String> undo() {
        return List.of();
    }

    @Override
    public void close() {
        answers.values().forEach(a -> a.cancel(false));
    }

    private NodeMachine machineOrThrow(String node) throws ProvisionException {
        NodeMachine m = machines.get(node);
        if (m == null) {
            throw new ProvisionException(node + ": not prepared in this run");
        }
        return m;
    }

    private static String mac(String value, String path, boolean required, List<String> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(path + ": required for a physical machine (its seed finds the interface by MAC)");
            }
            return null;
        }
        String mac = value.strip().toLowerCase(Locale.ROOT);
        if (!MAC.matcher(mac).matches()) {
            problems.add(path + ": " + value + " is not a MAC address");
            return null;
        }
        return mac;
    }
}
