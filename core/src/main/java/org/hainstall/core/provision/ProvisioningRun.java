package org.hainstall.core.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.seed.CallbackReport;
import org.hainstall.core.seed.CallbackServer;
import org.hainstall.core.seed.CallbackToken;
import org.hainstall.core.seed.ExpectedCallback;
import org.hainstall.core.seed.NodeSeedSecrets;
import org.hainstall.core.seed.SeedException;
import org.hainstall.core.seed.SeedInputs;
import org.hainstall.core.seed.SeedIsoBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 1–6 of DESIGN.md for both nodes, in the order the parts need: machines prepared (MACs fixed), one-time
 * tokens made, seeds built, call backs expected, machines powered on, call backs awaited, seeds released.
 * When any of it fails — a refused clone, a seed that cannot be built, a node that does not call back in time or
 * calls back with foreign host keys — what this run defined is undone (FAULTS.md 15) and the error says why.
 */
public final class ProvisioningRun {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningRun.class);

    private final ClusterConfig config;
    private final Provisioner provisioner;
    private final SeedIsoBuilder seeds;
    private final CallbackServer server;
    private final SecureRandom random;

    public ProvisioningRun(ClusterConfig config, Provisioner provisioner, SeedIsoBuilder seeds, CallbackServer server,
                           SecureRandom random) {
        this.config = config;
        this.provisioner = provisioner;
        this.seeds = seeds;
        this.server = server;
        this.random = random;
    }

    /** A node's host key pair from core/secrets: the OpenSSH private key file's bytes and the public key line. */
    public record HostKey(byte[] privateKey, String publicKey) { }

    /**
     * @param seedDir   where the seeds are built (the run's own folder; made 0700 here when missing)
     * @param waitEach  how long a node's call back is awaited (long enough to power a machine on by hand)
     * @return each node's call-back report, all READY
     */
    public Map<String, CallbackReport> run(String adminPublicKey, Map<String, HostKey> hostKeys, Path seedDir,
                                           Duration waitEach, Provisioner.WaitListener listener)
            throws ProvisionException, InterruptedException {
        return run(config.nodes(), adminPublicKey, hostKeys, seedDir, waitEach, listener);
    }

    /**
     * @param nodes the nodes to provision: all, or those an earlier run left unprepared (a physical machine that was
     *              prepared already would not call back a second time: its cloud-init is switched off)
     */
    public Map<String, CallbackReport> run(List<ClusterConfig.Node> nodes, String adminPublicKey,
                                           Map<String, HostKey> hostKeys, Path seedDir, Duration waitEach,
                                           Provisioner.WaitListener listener)
            throws ProvisionException, InterruptedException {
        Set<String> which = new java.util.HashSet<>();
        nodes.forEach(n -> which.add(n.name()));
        List<Provisioner.NodeMachine> machines = provisioner.prepare(config.nodes(), which,
                node -> seedDir.resolve(node + "-seed.iso"));
        boolean done = false;
        try {
            createPrivate(seedDir);
            for (Provisioner.NodeMachine m : machines) {
                HostKey key = hostKeys.get(m.node());
                if (key == null) {
                    throw new ProvisionException(m.node() + ": no host key was generated for it");
                }
                CallbackToken token = CallbackToken.generate(random);
                NodeSeedSecrets secrets = new NodeSeedSecrets(key.privateKey(), key.publicKey(), token);
                seeds.build(new SeedInputs(config, m.node(), m.mainMac(), m.replicationMac(), adminPublicKey, secrets),
                        seedDir);
                server.expect(new ExpectedCallback(m.node(), token, Set.of(secrets.hostKeyFingerprint()), waitEach));
            }
            for (Provisioner.NodeMachine m : machines) {
                provisioner.powerOn(m.node());
            }
            Map<String, CallbackReport> reports = new CallbackWaits(provisioner, listener)
                    .awaitAll(machines.stream().map(Provisioner.NodeMachine::node).toList(), waitEach);
            for (Provisioner.NodeMachine m : machines) {
                for (String note : provisioner.releaseSeed(m.node())) {
                    LOG.info("{}: {}", m.node(), note);
                }
            }
            done = true;
            return reports;
        } catch (SeedException e) {
            throw new ProvisionException(e.getMessage(), e);
        } finally {
            if (!done) {
                List<String> leftovers = provisioner.undo();
                deleteSeeds(seedDir, machines);
                if (!leftovers.isEmpty()) {
                    LOG.warn("provisioning failed and could not all be undone: {}", leftovers);
                }
            }
        }
    }

    private static void createPrivate(Path dir) throws ProvisionException {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new ProvisionException("cannot create the seed folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Seeds hold private keys: none is left behind by a failed run. */
    private static void deleteSeeds(Path dir, List<Provisioner.NodeMachine> machines) {
        for (Provisioner.NodeMachine m : machines) {
            try {
                Files.deleteIfExists(dir.resolve(m.node() + "-seed.iso"));
            } catch (IOException e) {
                LOG.warn("could not delete the seed of {}: {}", m.node(), e.getMessage());
            }
        }
    }
}
