package org.hainstall.core.machines;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepCancelledException;
import org.hainstall.core.plan.StepFailure;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.seed.CallbackReport;
import org.hainstall.core.seed.CallbackServer;
import org.hainstall.core.seed.SeedException;
import org.hainstall.core.seed.SeedIsoBuilder;
import org.hainstall.core.provision.CloneIdentities;
import org.hainstall.core.provision.LibvirtProvisioner;
import org.hainstall.core.provision.NodePrepWatch;
import org.hainstall.core.provision.ProvisionCancelledException;
import org.hainstall.core.provision.ProvisionException;
import org.hainstall.core.provision.Provisioner;
import org.hainstall.core.provision.ProvisioningRun;

/**
 * Steps 1–6 of create as one cluster-wide step: clone the VM stub (or prompt for physical machines), give each
 * node its seed ISO, start it and wait for its call back. Its check asks each node itself: a node that answers
 * over SSH with its pinned host key, carries node-prep's mark and has its configured name is provisioned, so a
 * re-run of create on existing nodes skips it. The secrets (step 3) are generated before the run starts.
 */
public final class ProvisionStep implements Step {
    public static final String NAME = "provision";
    /** node-prep writes it when it has prepared the node (see node-prep.sh). */
    static final String PREP_MARK = "/var/lib/hainstall/machine-id";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /** The watch's look over SSH: short, so that a look never outlasts the wait's own pace by much. */
    private static final SshOptions WATCH_SSH = new SshOptions(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(1), Duration.ofSeconds(10));
    /** After the call back, sshd still has to start (the stub's seed hook runs before it). */
    private static final Duration SSH_WAIT = Duration.ofSeconds(120);
    /** The secrets are generated before the run starts; one missing now was removed while the run was starting. */
    private static final String SECRETS_REMEDY = "run create again: it generates missing keys before its first step"
            + " (restore the secrets folder from a backup instead if the nodes already use its keys)";

    private final Path configFile;
    private final Duration waitEach;
    /** The nodes the last check found unprepared (asking again costs a connection attempt per node). */
    private volatile List<String> unpreparedAtCheck;

    public ProvisionStep(Path configFile, Duration waitEach) {
        this.configFile = configFile;
        this.waitEach = waitEach;
    }

    @Override
    public StepId id() {
        return StepId.cluster(NAME);
    }

    @Override
    public String title() {
        return "Provision the nodes (clone or power on, seed ISO, call back)";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of();
    }

    @Override
    public Check check(StepContext ctx) throws StepException {
        List<String> missing = new ArrayList<>();
        for (ClusterConfig.Node node : ctx.config().nodes()) {
            String why = prepared(ctx, node);
            if (why != null) {
                missing.add(node.name() + " (" + why + ")");
            }
        }
        unpreparedAtCheck = ctx.config().nodes().stream().map(ClusterConfig.Node::name)
                .filter(n -> missing.stream().anyMatch(m -> m.startsWith(n + " ("))).toList();
        if (missing.isEmpty()) {
            return Check.satisfied("both nodes answer with their pinned host keys and are prepared");
        }
        ClusterConfig config = ctx.config();
        String how = config.provisioning().isLibvirt()
                ? "clone " + config.provisioning().libvirt().stub() + " on " + config.provisioning().libvirt().uri()
                : "ask the administrator to power on";
        return Check.change(how + " for " + String.join(", ", missing) + "; attach each node's seed ISO, start, "
                + "wait for the call backs (up to " + waitEach.toMinutes() + " min each)", List.of());
    }

    /** Null when the node is provisioned, else why not. */
    private static String prepared(StepContext ctx, ClusterConfig.Node node) {
        try {
            CommandResult name = ctx.shell(node.name()).run(Command.of("uname", "-n"), PROBE_TIMEOUT,
                    OutputListener.IGNORE);
            if (!name.ok() || !name.stdout().strip().equals(node.name())) {
                return "answers as '" + name.stdout().strip() + "'";
            }
            CommandResult mark = ctx.shell(node.name()).run(Command.of("test", "-f", PREP_MARK), PROBE_TIMEOUT,
                    OutputListener.IGNORE);
            return mark.ok() ? null : "not prepared by node-prep";
        } catch (RemoteException | RuntimeException e) {
            // Not there yet (no VM, no address) or not ours: provisioning makes it.
            return "not reachable";
        }
    }

    @Override
    public void apply(StepContext ctx, Check.Change change) throws StepException {
        ClusterConfig config = ctx.config();
        SecretsStore store = SecretsStore.besideConfig(configFile);
        String adminPublicKey = store.adminPublicKeyLine().orElseThrow(() -> new StepException(id(),
                ProblemCode.SECRETS_MISSING, "no admin SSH key in " + store.folder(), SECRETS_REMEDY));
        // Only the nodes not prepared yet: a prepared node (an earlier run's) keeps its machine and identity.
        List<String> names = unpreparedAtCheck;
        List<ClusterConfig.Node> unprepared = config.nodes().stream()
                .filter(n -> names == null ? prepared(ctx, n) != null : names.contains(n.name())).toList();
        Map<String, ProvisioningRun.HostKey> hostKeys = new LinkedHashMap<>();
        Map<String, NodePrepWatch.Endpoint> endpoints = new LinkedHashMap<>();
        int sshPort = config.access() == null || config.access().port() == null ? 22 : config.access().port();
        for (ClusterConfig.Node node : unprepared) {
            byte[] priv = store.nodeHostPrivateKey(node.name()).orElseThrow(() -> new StepException(id(),
                    ProblemCode.SECRETS_MISSING, "no generated host key for " + node.name() + " in " + store.folder(),
                    SECRETS_REMEDY));
            hostKeys.put(node.name(), new ProvisioningRun.HostKey(priv,
                    store.nodeHostPublicKey(node.name()).orElseThrow().line()));
            endpoints.put(node.name(), new NodePrepWatch.Endpoint(node.address(), sshPort));
        }
        if (unprepared.size() < config.nodes().size()) {
            say(ctx, "provisioning " + unprepared.stream().map(ClusterConfig.Node::name).toList()
                    + " only: the other node is prepared already");
        }
        Path seedDir = org.hainstall.core.plan.StateFolder.forConfig(configFile).root().resolve("seeds");
        // forConfig listens on management.address only, and only when it is this workstation's unicast address.
        try (CallbackServer server = CallbackServer.forConfig(config);
             Provisioner provisioner = provisioner(ctx, config, server);
             NodePrepWatch watch = new NodePrepWatch(endpoints, provisioner, node -> nodePrepLog(config, store, node),
                     ctx::cancelRequested, line -> notice(ctx, line), Clock.systemUTC())) {
            Map<String, CallbackReport> reports = new ProvisioningRun(config, provisioner, new SeedIsoBuilder(), server,
                    new SecureRandom()).run(unprepared, adminPublicKey, hostKeys, seedDir, waitEach, watch);
            reports.forEach((node, report) -> say(ctx, report.describe()));
            // A node calls back as soon as it is prepared, which may be before its SSH server has restarted.
            for (ClusterConfig.Node node : unprepared) {
                awaitSshPort(ctx, node, sshPort);
            }
        } catch (SeedException e) {
            throw new StepException(id(), new StepFailure(ProblemCode.CALLBACK_LISTEN_FAILED, "cannot listen for"
                    + " call backs: " + e.getMessage(), "set management.address to an address of this workstation"
                    + " that the nodes can reach, and management.callbackPort to a free port, then run again"), e);
        } catch (ProvisionCancelledException e) {
            throw new StepCancelledException(id());
        } catch (ProvisionException e) {
            throw new StepException(id(), new StepFailure(ProblemCode.PROVISIONING_FAILED, e.getMessage()
                    + "; what this run defined was undone", "fix what the cause names (the provisioning settings,"
                    + " the hypervisor or the machine's console), then run again"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepException.interrupted(id(), "provisioning; what this run defined was undone", e);
        }
    }

    /** The wait's progress and alerts: on the terminal and in the wizard, not only in the log. */
    private static void notice(StepContext ctx, String line) {
        boolean alert = line.startsWith("ALERT ");
        ctx.notice(null, alert ? Event.Notice.Level.WARNING : Event.Notice.Level.INFO,
                alert ? line.substring("ALERT ".length()) : line);
    }

    private static void say(StepContext ctx, String line) {
        ctx.output().line(OutputListener.Stream.STDOUT, line);
    }

    /**
     * node-prep's log, read with the node's pinned host key over a connection of its own, closed at once: no run
     * connection (and no node lock) is opened to a machine that a cancel or a failure may still undo.
     */
    private static String nodePrepLog(ClusterConfig config, SecretsStore store, String node) throws RemoteException {
        ClusterConfig.Node n = config.nodes().stream().filter(x -> x.name().equals(node)).findFirst().orElseThrow();
        try (Shell shell = new SshShellFactory(store, WATCH_SSH).open(config, n)) {
            CommandResult r = shell.run(Command.of("tail", "-n", "20", "/var/log/hainstall-node-prep.log"),
                    PROBE_TIMEOUT, OutputListener.IGNORE);
            return r.ok() ? r.stdout() : "";
        }
    }

    private void awaitSshPort(StepContext ctx, ClusterConfig.Node node, int port) throws StepException {
        long deadline = System.nanoTime() + SSH_WAIT.toNanos();
        while (true) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new InetSocketAddress(node.address(), port), 2000);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new StepException(id(), ProblemCode.NODE_UNREACHABLE, node.name() + " called back but its"
                            + " SSH port " + node.address() + ":" + port + " did not open within "
                            + SSH_WAIT.toSeconds() + " s: " + notYet.getMessage(), "look at the machine's console"
                            + " for why its SSH server did not start (systemctl status ssh), then run again");
                }
                ctx.checkCancelled();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw StepException.interrupted(id(), "waiting for SSH on " + node.name(), e);
                }
            }
        }
    }

    private Provisioner provisioner(StepContext ctx, ClusterConfig config, CallbackServer server)
            throws ProvisionException {
        if (config.provisioning().isLibvirt()) {
            return LibvirtProvisioner.open(config, CloneIdentities.random(new SecureRandom()), server);
        }
        return new PhysicalProvisioner(ctx.prompter(), server);
    }
}
