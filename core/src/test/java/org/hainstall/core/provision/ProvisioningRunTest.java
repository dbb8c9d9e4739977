package org.hainstall.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.seed.CallbackReport;
import org.hainstall.core.seed.CallbackServer;
import org.hainstall.core.seed.CallbackToken;
import org.hainstall.core.seed.HostKeyFingerprint;
import org.hainstall.core.seed.SeedIsoBuilder;
import org.hainstall.core.seed.TestKeys;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;
import org.hainstall.core.testing.CallbackClient;

/**
 * Steps 1–6 on test:///default with real seeds and a real call-back server. The nodes are stood in for by reading
 * each node's own seed ISO (as node-prep would from its CD) and calling back with what it holds.
 */
class ProvisioningRunTest {
    @TempDir
    Path dir;
    private Connect connect;
    private CallbackServer server;
    private ClusterConfig config;
    private LibvirtProvisioner provisioner;

    @BeforeEach
    void setUp() throws Exception {
        connect = new Connect(VmClonerTest.URI);
        VmClonerTest.removeAllButTheDriversOwn(connect);
        VmClonerTest.defineLabNetworks(connect);
        var pool = connect.storagePoolLookupByName("default-pool");
        pool.storageVolCreateXML("<volume><name>db2-node-stub-vda.qcow2</name><capacity>1048576</capacity>"
                + "<target><format type='qcow2'/></target></volume>", 0);
        pool.storageVolCreateXML("<volume><name>db2-node-stub-data.img</name><capacity>1048576</capacity></volume>", 0);
        connect.domainDefineXML(VmClonerTest.resource("/org/hainstall/core/provision/stub-domain.xml"));
        server = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        config = TestClusters.withManagement(TestClusters.twoNodes(), "127.0.0.1", server.address().getPort());
        VmCloner cloner = new VmCloner(connect, VmClonerTest.settings(null, "lab-main", "lab-repl"), "sales-db",
                CloneIdentities.random(new SecureRandom()));
        provisioner = new LibvirtProvisioner(connect, cloner, server, Duration.ofMillis(20), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        VmClonerTest.removeAllButTheDriversOwn(connect);
        connect.close();
    }

    private Map<String, ProvisioningRun.HostKey> hostKeys(String... nodes) {
        Map<String, ProvisioningRun.HostKey> keys = new ConcurrentHashMap<>();
        for (String n : nodes) {
            keys.put(n, new ProvisioningRun.HostKey(TestKeys.privateKeyFile(), TestKeys.ed25519PublicLine("root@" + n)));
        }
        return keys;
    }

    private ProvisioningRun run() {
        return new ProvisioningRun(config, provisioner, new SeedIsoBuilder(), server, new SecureRandom());
    }

    @Test
    void provisionsBothNodesAndLeavesNoSeedBehind() throws Exception {
        Path seeds = dir.resolve("seeds");
        Set<String> calledBack = ConcurrentHashMap.newKeySet();

        Map<String, CallbackReport> reports = run().run(TestKeys.ed25519PublicLine("admin"),
                hostKeys("sales-db1", "sales-db2"), seeds, Duration.ofMinutes(5), (node, waited) -> {
                    for (String n : new String[] {"sales-db1", "sales-db2"}) {
                        if (calledBack.add(n)) {
                            nodeCallsBackFromItsSeed(seeds.resolve(n + "-seed.iso"), n);
                        }
                    }
                });

        assertThat(reports.values()).extracting(CallbackReport::outcome)
                .containsOnly(CallbackReport.Outcome.READY);
        try (var s = Files.list(seeds)) {
            assertThat(s).isEmpty();
        }
        for (String n : new String[] {"sales-db1", "sales-db2"}) {
            Domain d = connect.domainLookupByName(n);
            assertThat(d.isActive()).isEqualTo(1);
            assertThat(d.getXMLDesc(Domain.XMLFlags.INACTIVE)).doesNotContain("cdrom");
        }
    }

    @Test
    void undoesTheClonesWhenASeedCannotBeBuilt() {
        assertThatThrownBy(() -> run().run(TestKeys.ed25519PublicLine("admin"), hostKeys("sales-db1"),
                dir.resolve("seeds"), Duration.ofMinutes(5), (n, w) -> { }))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("sales-db2: no host key");

        assertOnlyTheStubIsLeft();
    }

    @Test
    void aCancelledWaitEndsAtOnceAndUndoesTheClones() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        NodePrepWatch watch = new NodePrepWatch(Map.of(), provisioner, node -> "", cancelled::get, line -> { },
                Clock.systemUTC());
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor()
                .schedule(() -> cancelled.set(true), 200, java.util.concurrent.TimeUnit.MILLISECONDS);

        assertThatThrownBy(() -> run().run(TestKeys.ed25519PublicLine("admin"), hostKeys("sales-db1", "sales-db2"),
                dir.resolve("seeds"), Duration.ofMinutes(15), watch))
                .isInstanceOf(ProvisionCancelledException.class).hasMessageContaining("cancelled");

        assertOnlyTheStubIsLeft();
        try (var s = Files.list(dir.resolve("seeds"))) {
            assertThat(s).as("no seed is left behind").isEmpty();
        }
    }

    @Test
    void awaitsTheNodesSideBySideSoEachTimeoutCountsFromItsPowerOn() throws Exception {
        // Neither node calls back. Awaited one after the other, sales-db2's wait would only begin once sales-db1's
        // had timed out (a machine never powered on reported after the other's boot plus the timeout).
        List<String> ticks = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> run().run(TestKeys.ed25519PublicLine("admin"), hostKeys("sales-db1", "sales-db2"),
                dir.resolve("seeds"), Duration.ofMillis(2500), (node, waited) -> ticks.add(node)))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("no call back from sales-db1 after")
                .hasMessageContaining("no call back from sales-db2 after");

        assertThat(ticks).as("both waits ticked").contains("sales-db1", "sales-db2");
        assertThat(ticks.indexOf("sales-db2")).as("sales-db2 was awaited while sales-db1 still was: %s", ticks)
                .isLessThan(ticks.lastIndexOf("sales-db1"));
        assertOnlyTheStubIsLeft();
    }

    @Test
    void givesUpWhenTheNodeShowsItCannotCallBackNamingItsReason() throws Exception {
        // The clones' consoles stand in for test:///default's, which print nothing: node-prep's line on a node that
        // has neither python3 nor curl (the lab shows the real console).
        Provisioner consoleSays = new ConsoleOverride(provisioner, List.of(
                "node-prep: cannot call back: neither python3 nor curl and openssl are on this node"));
        ProvisioningRun run = new ProvisioningRun(config, consoleSays, new SeedIsoBuilder(), server,
                new SecureRandom());
        try (NodePrepWatch watch = new NodePrepWatch(Map.of(), consoleSays, node -> "", () -> false, line -> { },
                Clock.systemUTC())) {
            assertThatThrownBy(() -> run.run(TestKeys.ed25519PublicLine("admin"), hostKeys("sales-db1", "sales-db2"),
                    dir.resolve("seeds"), Duration.ofMinutes(15), watch))
                    .isInstanceOf(ProvisionException.class)
                    .hasMessageContaining("sales-db1 cannot call back: its console says: cannot call back: neither"
                            + " python3 nor curl and openssl are on this node");
        }

        assertOnlyTheStubIsLeft();
    }

    @Test
    void provisionsOnlyTheNodesItIsGivenNamingThemByTheirPlaceInTheConfig() throws Exception {
        connect.domainDefineXML(VmClonerTest.resource("/org/hainstall/core/provision/stub-domain.xml")
                .replace("<name>db2-node-stub</name>", "<name>sales-db2</name>").replace("5f1d7a52", "7f1d7a52")
                .replace("52:54:00:5a:00:01", "52:54:00:5a:00:09"));

        assertThatThrownBy(() -> run().run(List.of(config.nodes().get(1)), TestKeys.ed25519PublicLine("admin"),
                hostKeys("sales-db2"), dir.resolve("seeds"), Duration.ofMinutes(5), (n, w) -> { }))
                .hasMessageContaining("nodes[1].name: a domain named sales-db2 already exists");
        assertThat(connect.listDefinedDomains()).doesNotContain("sales-db1");
    }

    /** A provisioner whose machines' consoles print the given node-prep lines. */
    private record ConsoleOverride(Provisioner real, List<String> console) implements Provisioner {
        @Override
        public List<NodeMachine> prepare(List<ClusterConfig.Node> nodes, Set<String> which,
                                         java.util.function.Function<String, Path> iso) throws ProvisionException {
            return real.prepare(nodes, which, iso);
        }

        @Override
        public void powerOn(String node) throws ProvisionException {
            real.powerOn(node);
        }

        @Override
        public CallbackReport awaitCallback(String node, Duration timeout, WaitListener listener)
                throws ProvisionException, InterruptedException {
            return real.awaitCallback(node, timeout, listener);
        }

        @Override
        public MachineSigns signs(String node) {
            return new MachineSigns(true, null, console);
        }

        @Override
        public List<String> releaseSeed(String node) throws ProvisionException {
            return real.releaseSeed(node);
        }

        @Override
        public List<String> undo() {
            return real.undo();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void undoesTheClonesWhenANodeNeverCallsBack() throws Exception {
        assertThatThrownBy(() -> run().run(TestKeys.ed25519PublicLine("admin"), hostKeys("sales-db1", "sales-db2"),
                dir.resolve("seeds"), Duration.ofMillis(50), (n, w) -> { }))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("no call back from sales-db1 after")
                .hasMessageContaining("powered on");

        assertOnlyTheStubIsLeft();
        try (var s = Files.list(dir.resolve("seeds"))) {
            assertThat(s).as("no seed, with its private keys, is left behind").isEmpty();
        }
    }

    private void assertOnlyTheStubIsLeft() {
        try {
            assertThat(Arrays.asList(connect.listDefinedDomains())).containsExactly(VmClonerTest.STUB);
            assertThat(connect.listDomains()).hasSize(1);
            assertThat(connect.storagePoolLookupByName("default-pool").listVolumes()).hasSize(2);
        } catch (org.libvirt.LibvirtException e) {
            throw new AssertionError(e);
        }
    }

    /** What node-prep does at the end, reading the token and host key from the node's own ISO. */
    private void nodeCallsBackFromItsSeed(Path iso, String node) {
        try {
            Path out = dir.resolve("read-" + node);
            Process p = new ProcessBuilder("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract",
                    "/hainstall", out.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            CallbackToken token = CallbackToken.parse(Files.readString(out.resolve("callback.token"),
                    StandardCharsets.US_ASCII));
            String fp = HostKeyFingerprint.of(Files.readString(out.resolve("ssh/ssh_host_ed25519_key.pub")));
            assertThat(CallbackClient.callBack(server, node, token, fp)).isEqualTo(200);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
