package org.hainstall.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.hainstall.core.seed.CallbackReport;
import org.hainstall.core.seed.CallbackServer;
import org.hainstall.core.seed.CallbackToken;
import org.hainstall.core.seed.ExpectedCallback;
import org.hainstall.core.seed.HostKeyFingerprint;
import org.hainstall.core.seed.TestKeys;
import org.hainstall.core.testing.CallbackClient;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libvirt provisioner's whole path on test:///default, with a real call-back server. */
class LibvirtProvisionerTest {
    @TempDir
    Path dir;
    private Connect connect;
    private CallbackServer server;

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
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        VmClonerTest.removeAllButTheDriversOwn(connect);
        connect.close();
    }

    @Test
    void clonesStartsWaitsForTheCallBackAndTakesTheSeedAway() throws Exception {
        VmCloner cloner = new VmCloner(connect, VmClonerTest.settings(null, "lab-main", "lab-repl"), "sales-db",
                new VmClonerTest.Sequential());
        LibvirtProvisioner provisioner = new LibvirtProvisioner(connect, cloner, server, Duration.ofMillis(10),
                Clock.systemUTC());
        List<Provisioner.NodeMachine> machines = provisioner.prepare(VmClonerTest.nodes(null, null),
                n -> dir.resolve(n + "-seed.iso"));
        assertThat(machines).extracting(Provisioner.NodeMachine::mainMac)
                .containsExactly("52:54:00:00:00:01", "52:54:00:00:00:03");
        Files.writeString(dir.resolve("sales-db1-seed.iso"), "seed");
        CallbackToken token = TestKeys.token();
        String fp = HostKeyFingerprint.of(TestKeys.ed25519PublicLine("root@sales-db1"));
        server.expect(new ExpectedCallback("sales-db1", token, Set.of(fp), Duration.ofHours(1)));

        provisioner.powerOn("sales-db1");
        assertThat(connect.domainLookupByName("sales-db1").isActive()).isEqualTo(1);
        CallbackReport report = provisioner.awaitCallback("sales-db1", Duration.ofMinutes(5),
                (node, waited) -> CallbackClient.callBack(server, node, token, fp));
        provisioner.releaseSeed("sales-db1");

        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.READY);
        assertThat(dir.resolve("sales-db1-seed.iso")).doesNotExist();
        assertThat(connect.domainLookupByName("sales-db1").getXMLDesc(Domain.XMLFlags.INACTIVE)).doesNotContain("cdrom");
    }

    @Test
    void undoAfterALaterFailureLeavesOnlyTheStub() throws Exception {
        VmCloner cloner = new VmCloner(connect, VmClonerTest.settings(null, null, null), "sales-db",
                new VmClonerTest.Sequential());
        LibvirtProvisioner provisioner = new LibvirtProvisioner(connect, cloner, server, Duration.ofMillis(10),
                Clock.systemUTC());
        provisioner.prepare(VmClonerTest.nodes(null, null), n -> dir.resolve(n + "-seed.iso"));
        provisioner.powerOn("sales-db2");

        assertThat(provisioner.undo()).isEmpty();

        assertThat(Arrays.asList(connect.listDefinedDomains())).containsExactly("db2-node-stub");
        assertThat(connect.storagePoolLookupByName("default-pool").listVolumes()).hasSize(2);
    }
}
