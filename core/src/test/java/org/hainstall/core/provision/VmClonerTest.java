package org.hainstall.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloner against libvirt's own test hypervisor. test:///default keeps one in-memory state per process (every
 * {@code new Connect("test:///default")} sees it, even after the others closed), so each test builds the stub
 * afresh and removes every domain and volume but the driver's own "test" domain afterwards.
 */
class VmClonerTest {
    static final String URI = "test:///default";
    static final String STUB = "db2-node-stub";
    private static final String POOL = "default-pool";
    private static final String GOLDEN = "/org/hainstall/core/provision/golden/";

    @TempDir
    Path dir;
    private Connect connect;

    @BeforeEach
    void createStub() throws Exception {
        connect = new Connect(URI);
        removeAllButTheDriversOwn(connect);
        defineLabNetworks(connect);
        StoragePool pool = connect.storagePoolLookupByName(POOL);
        pool.storageVolCreateXML(volume(STUB + "-vda.qcow2", "qcow2", 1 << 30), 0);
        pool.storageVolCreateXML(volume(STUB + "-data.img", "raw", 256L << 20), 0);
        connect.domainDefineXML(resource("/org/hainstall/core/provision/stub-domain.xml"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        removeAllButTheDriversOwn(connect);
        connect.close();
    }

    @Test
    void clonesEachNodeAsTheGoldenFilesSay() throws Exception {
        VmCloner cloner = cloner(settings(null, "lab-main", "lab-repl"), new Sequential());

        List<VmCloner.ClonedNode> clones = cloner.define(nodes(null, null), this::iso);

        assertThat(clones).extracting(VmCloner.ClonedNode::domainName).containsExactly("sales-db1", "sales-db2");
        for (VmCloner.ClonedNode c : clones) {
            String actual = connect.domainLookupByName(c.domainName()).getXMLDesc(Domain.XMLFlags.INACTIVE);
            assertThat(actual.strip()).as(c.domainName()).isEqualTo(golden(c.domainName() + ".xml", actual));
        }
        assertThat(volumes()).containsExactlyInAnyOrder(STUB + "-vda.qcow2", STUB + "-data.img",
                "sales-db1-vda.qcow2", "sales-db1-vdb.img", "sales-db2-vda.qcow2", "sales-db2-vdb.img");
        assertThat(connect.storageVolLookupByPath("/default-pool/sales-db1-vda.qcow2").getInfo().capacity)
                .isEqualTo(1L << 30);
        // The stub itself is untouched.
        assertThat(connect.domainLookupByName(STUB).getXMLDesc(Domain.XMLFlags.INACTIVE))
                .contains("52:54:00:5a:00:01", "/srv/lab/stub-install.iso");
    }

    @Test
    void usesTheConfiguredMacsAndNetworkTypes() throws Exception {
        connect.domainDefineXML(resource("/org/hainstall/core/provision/stub-domain.xml")
                .replace("<name>" + STUB + "</name>", "<name>net-stub</name>").replace("5f1d7a52", "6f1d7a52").replace("52:54:00:5a:00:01", "52:54:00:5a:00:02")
                .replace("<interface type='bridge'>", "<interface type='network'>")
                .replace("<source bridge='br-stub'/>", "<source network='default'/>"));
        VmCloner cloner = new VmCloner(connect, new ClusterConfig.Libvirt(URI, "net-stub", null, "lab-main", "lab-repl"),
                "sales-db", new Sequential());

        VmCloner.ClonedNode c = cloner.define(nodes("52:54:00:AB:CD:01", "52:54:00:ab:cd:02").subList(0, 1),
                this::iso).get(0);

        assertThat(c.mainMac()).isEqualTo("52:54:00:ab:cd:01");
        String xml = connect.domainLookupByName("sales-db1").getXMLDesc(Domain.XMLFlags.INACTIVE);
        assertThat(xml).contains("<mac address='52:54:00:ab:cd:01'/>", "<source network='lab-main'/>",
                "<mac address='52:54:00:ab:cd:02'/>", "<source network='lab-repl'/>",
                "/var/log/hainstall-lab/sales-db1-db2-node-stub-serial.log");
    }

    @Test
    void putsABridgeNicOnTheConfiguredNetwork() throws Exception {
        // The stub's NIC is <interface type='bridge'><source bridge='br-stub'/>: the config names libvirt networks.
        cloner(settings(null, "lab-main", "lab-repl"), new Sequential()).define(nodes(null, null).subList(0, 1),
                this::iso);

        String xml = connect.domainLookupByName("sales-db1").getXMLDesc(Domain.XMLFlags.INACTIVE);
        assertThat(xml).contains("<source network='lab-main'/>", "<source network='lab-repl'/>")
                .doesNotContain("type='bridge'", "<source bridge=");
        assertThat(connect.domainLookupByName("sales-db1").create()).isZero();   // it starts: the networks exist
    }

    @Test
    void refusesANetworkThatDoesNotExistBeforeCloningAnything() throws Exception {
        VmCloner cloner = cloner(settings(null, "no-such-net", "lab-repl"), new Sequential());

        assertThatThrownBy(() -> cloner.define(nodes(null, null), this::iso))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("provisioning.libvirt.network: no libvirt network named no-such-net")
                .hasMessageContaining("nothing was changed");
        assertThat(allDomainNames()).containsExactlyInAnyOrder("test", STUB);
        assertThat(volumes()).containsExactlyInAnyOrder(STUB + "-vda.qcow2", STUB + "-data.img");
    }

    @Test
    void refusesAnInactiveNetworkNamingItsPath() throws Exception {
        connect.networkLookupByName("lab-repl").destroy();
        VmCloner cloner = cloner(settings(null, "lab-main", "lab-repl"), new Sequential());

        assertThatThrownBy(() -> cloner.define(nodes(null, null), this::iso))
                .hasMessageContaining("provisioning.libvirt.replicationNetwork: the libvirt network lab-repl")
                .hasMessageContaining("is not active (start it: virsh net-start lab-repl)");
        assertThat(allDomainNames()).containsExactlyInAnyOrder("test", STUB);
    }

    @Test
    void refusesAMissingStub() throws Exception {
        VmCloner cloner = new VmCloner(connect, new ClusterConfig.Libvirt(URI, "no-such-stub", null, null, null),
                "sales-db", new Sequential());

        assertThatThrownBy(() -> cloner.define(nodes(null, null), this::iso))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("provisioning.libvirt.stub").hasMessageContaining("no-such-stub");
        assertThat(definedNames()).containsExactly(STUB);
    }

    @Test
    void refusesARunningStub() throws Exception {
        connect.domainLookupByName(STUB).create();
        VmCloner cloner = cloner(settings(null, null, null), new Sequential());

        assertThatThrownBy(() -> cloner.define(nodes(null, null), this::iso))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("is running");
        assertThat(allDomainNames()).containsExactlyInAnyOrder("test", STUB);
        assertThat(volumes()).hasSize(2);
    }

    @Test
    void refusesADomainNameInUseAndChangesNothing() throws Exception {
        connect.domainDefineXML("<domain type='test'><name>sales-db2</name><memory>65536</memory>"
                + "<os><type>hvm</type></os></domain>");
        String before = connect.domainLookupByName("sales-db2").getXMLDesc(0);
        VmCloner cloner = cloner(settings(null, null, null), new Sequential());

        assertThatThrownBy(() -> cloner.define(nodes(null, null), this::iso))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("nodes[1].name: a domain named sales-db2 already exists")
                .hasMessageContaining("nothing was changed");
        assertThat(definedNames()).containsExactlyInAnyOrder(STUB, "sales-db2");
        assertThat(connect.domainLookupByName("sales-db2").getXMLDesc(0)).isEqualTo(before);
        assertThat(volumes()).containsExactlyInAnyOrder(STUB + "-vda.qcow2", STUB + "-data.img");
    }

    @Test
    void refusesAConfiguredMacInUseListingEveryProblem() throws Exception {
        VmCloner cloner = cloner(settings(null, null, null), new Sequential());

        // The stub's own MAC, and one MAC given to both interfaces.
        assertThatThrownBy(() -> cloner.define(nodes("52:54:00:5a:00:01", "52:54:00:77:77:77")
                .stream().map(n -> n.name().equals("sales-db2")
                        ? new Node(n.name(), n.address(), n.replicationAddress(), false, "52:54:00:77:77:77", null) : n)
                .toList(), this::iso))
                .isInstanceOf(ProvisionException.class)
                .satisfies(e -> assertThat(((ProvisionException) e).problems()).contains(
                        "nodes[0].mac: 52:54:00:5a:00:01 is already used by a domain on " + URI,
                        "nodes[1].mac: 52:54:00:77:77:77 is given to another interface of this cluster too"));
        assertThat(definedNames()).containsExactly(STUB);
        assertThat(volumes()).hasSize(2);
    }

    @Test
    void generatedMacsSkipThoseInUse() throws Exception {
        Sequential ids = new Sequential();
        ids.macs.push("52:54:00:5a:00:01");
        VmCloner cloner = cloner(settings(null, null, null), ids);

        VmCloner.ClonedNode c = cloner.define(nodes(null, null).subList(0, 1), this::iso).get(0);

        assertThat(c.mainMac()).isNotEqualTo("52:54:00:5a:00:01");
        assertThat(c.replicationMac()).isNotEqualTo(c.mainMac());
    }

    @Test
    void refusesAVolumeInUseAndLeavesItAlone() throws Exception {
        StoragePool pool = connect.storagePoolLookupByName(POOL);
        pool.storageVolCreateXML(volume("sales-db2-vdb.img", "raw", 4096), 0);
        VmCloner cloner = cloner(settings(POOL, null, null), new Sequential());

        assertThatThrownBy(() -> cloner.define(nodes(null, null), this::iso))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("volume sales-db2-vdb.img already exists in pool " + POOL);
        assertThat(definedNames()).containsExactly(STUB);
        assertThat(volumes()).containsExactlyInAnyOrder(STUB + "-vda.qcow2", STUB + "-data.img", "sales-db2-vdb.img");
        assertThat(pool.storageVolLookupByName("sales-db2-vdb.img").getInfo().capacity).isEqualTo(4096);
    }

    @Test
    void refusesAStoragePoolThatDoesNotExist() {
        VmCloner cloner = cloner(settings("no-pool", null, null), new Sequential());
        assertThatThrownBy(() -> cloner.define(nodes(null, null), this::iso))
                .hasMessageContaining("provisioning.libvirt.storagePool: no pool named no-pool");
    }

    @Test
    void undoesWhatItDefinedWhenALaterDefinitionFails() throws Exception {
        Sequential ids = new Sequential();
        ids.uuids.addLast(UUID.fromString("00000000-0000-4000-8000-000000000001"));
        // The second clone gets the stub's UUID: libvirt refuses to define it, after the first was defined.
        ids.uuids.addLast(UUID.fromString("5f1d7a52-3c47-4b1e-9d0a-6b0f5c1e2d3a"));
        VmCloner cloner = cloner(settings(null, null, null), ids);

        assertThatThrownBy(() -> cloner.define(nodes(null, null), this::iso))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("undone");

        assertThat(allDomainNames()).containsExactlyInAnyOrder("test", STUB);
        assertThat(volumes()).containsExactlyInAnyOrder(STUB + "-vda.qcow2", STUB + "-data.img");
    }

    @Test
    void undoRemovesOnlyWhatThisRunDefined() throws Exception {
        connect.domainDefineXML("<domain type='test'><name>bystander</name><memory>65536</memory>"
                + "<os><type>hvm</type></os></domain>");
        VmCloner cloner = cloner(settings(null, null, null), new Sequential());
        cloner.define(nodes(null, null), this::iso);
        cloner.start("sales-db1");
        assertThat(connect.domainLookupByName("sales-db1").isActive()).isEqualTo(1);

        List<String> leftovers = cloner.undo();

        assertThat(leftovers).isEmpty();
        assertThat(allDomainNames()).containsExactlyInAnyOrder("test", STUB, "bystander");
        assertThat(volumes()).containsExactlyInAnyOrder(STUB + "-vda.qcow2", STUB + "-data.img");
    }

    @Test
    void releasingTheSeedTakesTheCdromAwayAndDeletesTheIso() throws Exception {
        VmCloner cloner = cloner(settings(null, null, null), new Sequential());
        cloner.define(nodes(null, null), this::iso);
        Files.writeString(iso("sales-db1"), "secret seed");
        cloner.start("sales-db1");

        List<String> notes = cloner.releaseSeed("sales-db1");

        assertThat(iso("sales-db1")).doesNotExist();
        String persistent = connect.domainLookupByName("sales-db1").getXMLDesc(Domain.XMLFlags.INACTIVE);
        assertThat(persistent).doesNotContain("cdrom").doesNotContain(iso("sales-db1").toString());
        // test:///default cannot eject live media; the note says the running machine keeps it until restart.
        assertThat(notes).allMatch(n -> n.contains("until it restarts"));
        assertThat(connect.domainLookupByName("sales-db2").getXMLDesc(Domain.XMLFlags.INACTIVE)).contains("cdrom");
    }

    // ---- fixtures ----

    /** UUIDs 00000000-0000-4000-8000-00000000000N and MACs 52:54:00:00:00:NN in order, unless told otherwise. */
    static final class Sequential implements CloneIdentities {
        final Deque<UUID> uuids = new ArrayDeque<>();
        final Deque<String> macs = new ArrayDeque<>();
        private int uuid;
        private int mac;

        @Override
        public UUID newUuid() {
            return uuids.isEmpty() ? UUID.fromString(String.format("00000000-0000-4000-8000-%012d", ++uuid))
                    : uuids.pop();
        }

        @Override
        public String newMac() {
            return macs.isEmpty() ? String.format("52:54:00:00:00:%02x", ++mac) : macs.pop();
        }
    }

    private VmCloner cloner(ClusterConfig.Libvirt settings, CloneIdentities ids) {
        return new VmCloner(connect, settings, "sales-db", ids);
    }

    static ClusterConfig.Libvirt settings(String pool, String network, String replicationNetwork) {
        return new ClusterConfig.Libvirt(URI, STUB, pool, network, replicationNetwork);
    }

    static List<Node> nodes(String mac1, String replMac1) {
        return List.of(new Node("sales-db1", "192.168.122.11", "10.10.0.11", true, mac1, replMac1),
                new Node("sales-db2", "192.168.122.12", "10.10.0.12", false, null, null));
    }

    private Path iso(String node) {
        return dir.resolve(node + "-seed.iso");
    }

    /** The golden file, with the test's seed folder put in. {@code -Dhainstall.golden.update=true} rewrites it. */
    private String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("hainstall.golden.update")) {
            Path file = Path.of("src/test/resources" + GOLDEN + name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual.strip().replace(dir.toString(), "@SEED_DIR@") + "\n");
        }
        return resource(GOLDEN + name).strip().replace("@SEED_DIR@", dir.toString());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = VmClonerTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String volume(String name, String format, long bytes) {
        return "<volume><name>" + name + "</name><capacity unit='bytes'>" + bytes + "</capacity><target><format type='"
                + format + "'/></target></volume>";
    }

    private List<String> volumes() throws LibvirtException {
        return Arrays.asList(connect.storagePoolLookupByName(POOL).listVolumes());
    }

    private List<String> definedNames() throws LibvirtException {
        return Arrays.asList(connect.listDefinedDomains());
    }

    private List<String> allDomainNames() throws LibvirtException {
        List<String> names = new java.util.ArrayList<>();
        for (Domain d : connect.listAllDomains(0)) {
            names.add(d.getName());
        }
        return names;
    }

    static void removeAllButTheDriversOwn(Connect c) throws LibvirtException {
        for (Domain d : c.listAllDomains(0)) {
            if (!"test".equals(d.getName())) {
                if (d.isActive() == 1) {
                    d.destroy();
                }
                if (d.isPersistent() == 1) {
                    d.undefine();
                }
            }
        }
        StoragePool pool = c.storagePoolLookupByName(POOL);
        for (String v : pool.listVolumes()) {
            pool.storageVolLookupByName(v).delete(0);
        }
        for (String n : c.listNetworks()) {
            if (!"default".equals(n)) {
                c.networkLookupByName(n).destroy();
            }
        }
        for (String n : c.listDefinedNetworks()) {
            c.networkLookupByName(n).undefine();
        }
    }

    /** The networks the tests' configs name, running: lab-main and lab-repl (bridged, as the lab's are). */
    static void defineLabNetworks(Connect c) throws LibvirtException {
        for (String name : List.of("lab-main", "lab-repl")) {
            c.networkDefineXML("<network><name>" + name + "</name><forward mode='bridge'/><bridge name='br-" + name
                    + "'/></network>").create();
        }
    }
}
