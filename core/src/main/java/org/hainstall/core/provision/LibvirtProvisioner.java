package org.hainstall.core.provision;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;
import org.hainstall.core.seed.CallbackReport;
import org.hainstall.core.seed.CallbackServer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** {@link Provisioner} for VMs: clones the stub with {@link VmCloner}, starts the clones, waits for their call back. */
public final class LibvirtProvisioner implements Provisioner {
    private final Connect connect;
    private final VmCloner cloner;
    private final CallbackWait wait;

    public LibvirtProvisioner(Connect connect, VmCloner cloner, CallbackServer server, Duration tick, Clock clock) {
        this.connect = connect;
        this.cloner = cloner;
        this.wait = new CallbackWait(server, tick, clock);
    }

    /** Connects to {@code provisioning.libvirt.uri}; the provisioner owns (and closes) that connection. */
    public static LibvirtProvisioner open(ClusterConfig config, CloneIdentities identities, CallbackServer server)
            throws ProvisionException {
        ClusterConfig.Libvirt settings = config.provisioning() == null ? null : config.provisioning().libvirt();
        if (settings == null || settings.uri() == null || settings.uri().isBlank()) {
            throw new ProvisionException("provisioning.libvirt.uri: needed to clone VMs");
        }
        try {
            Connect connect = new Connect(settings.uri());
            VmCloner cloner = new VmCloner(connect, settings, config.cluster() == null ? "" : config.cluster().name(),
                    identities);
            return new LibvirtProvisioner(connect, cloner, server, Duration.ofSeconds(1), Clock.systemUTC());
        } catch (LibvirtException e) {
            throw new ProvisionException("provisioning.libvirt.uri: cannot connect to " + settings.uri() + ": "
                    + VmCloner.message(e), e);
        }
    }

    @Override
    public List<NodeMachine> prepare(List<Node> configNodes, java.util.Set<String> which,
                                     Function<String, Path> seedIso) throws ProvisionException {
        List<NodeMachine> machines = new ArrayList<>();
        for (VmCloner.ClonedNode c : cloner.define(configNodes, which, seedIso)) {
            machines.add(new NodeMachine(c.node(), c.mainMac(), c.replicationMac(),
                    "libvirt domain " + c.domainName() + " (" + c.uuid() + ")"));
        }
        return machines;
    }

    @Override
    public void powerOn(String node) throws ProvisionException {
        cloner.start(node);
    }

    @Override
    public CallbackReport awaitCallback(String node, Duration timeout, WaitListener listener)
            throws ProvisionException, InterruptedException {
        return wait.await(node, timeout, listener, new CompletableFuture<>());
    }

    @Override
    public MachineSigns signs(String node) {
        return cloner.signs(node);
    }

    @Override
    public List<String> releaseSeed(String node) throws ProvisionException {
        return cloner.releaseSeed(node);
    }

    @Override
    public List<String> undo() {
        return cloner.undo();
    }

    @Override
    public void close() {
        try {
            connect.close();
        } catch (LibvirtException e) {
            // closing a connection we are done with: nothing left to protect
        }
    }
}
