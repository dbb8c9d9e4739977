package org.hainstall.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The clone's domain-XML edits on XML alone: no hypervisor is asked. */
class CloneXmlTest {
    private static final String STUB = """
            <domain type="kvm" id="3">
              <name>stub</name>
              <uuid>00000000-0000-0000-0000-000000000001</uuid>
              <sysinfo type="smbios"><system><entry name="uuid">00000000-0000-0000-0000-000000000001</entry></system></sysinfo>
              <os><type arch="x86_64" machine="pc-q35-7.2">hvm</type><nvram>/var/lib/libvirt/qemu/nvram/stub_VARS.fd</nvram></os>
              <devices>
                <disk type="file" device="disk"><source file="/var/lib/libvirt/images/stub.qcow2"/><target dev="sda" bus="sata"/></disk>
                <interface type="bridge"><mac address="52:54:00:00:00:01"/><source bridge="br0"/><target dev="vnet3"/>
                  <virtualport type="openvswitch"/></interface>
                <serial type="file"><source path="/var/log/stub-serial.log"/></serial>
                <graphics type="vnc" port="5901" autoport="no"/>
              </devices>
            </domain>
            """;

    private final Document doc = DomainXml.parse(STUB);
    private final Element root = doc.getDocumentElement();
    private final Element devices = DomainXml.child(root, "devices");

    @Test
    void givesTheCloneItsOwnNameUuidTitleAndMetadata() {
        UUID uuid = UUID.fromString("11111111-2222-3333-4444-555555555555");
        CloneXml.setIdentity(root, "sales-db1", uuid, "sales-db");
        String xml = DomainXml.serialize(doc);

        assertThat(root.hasAttribute("id")).isFalse();
        assertThat(DomainXml.child(root, "name").getTextContent()).isEqualTo("sales-db1");
        assertThat(xml).doesNotContain("00000000-0000-0000-0000-000000000001").contains(uuid.toString())
                .contains("hainstall: sales-db1 of cluster sales-db").contains(CloneXml.METADATA_NS)
                .contains("cluster=\"sales-db\"");
    }

    @Test
    void placesABridgeInterfaceOnTheNamedNetworkWithTheNewMac() {
        List<String> problems = new ArrayList<>();
        Element iface = DomainXml.children(devices, "interface").get(0);
        CloneXml.configureInterface(iface, "52:54:00:ab:cd:01", "default", "provisioning.libvirt.network", problems);

        assertThat(problems).isEmpty();
        assertThat(iface.getAttribute("type")).isEqualTo("network");
        assertThat(DomainXml.child(iface, "source").getAttribute("network")).isEqualTo("default");
        assertThat(DomainXml.child(iface, "source").hasAttribute("bridge")).isFalse();
        assertThat(DomainXml.child(iface, "mac").getAttribute("address")).isEqualTo("52:54:00:ab:cd:01");
        assertThat(DomainXml.child(iface, "target")).isNull();
        assertThat(DomainXml.child(iface, "virtualport")).isNull();
    }

    @Test
    void givesTheCloneItsOwnFilesAndAFreshGraphicsPort() {
        CloneXml.makePathsOwn(root, devices, "stub", "sales-db1");
        String xml = DomainXml.serialize(doc);

        assertThat(xml).contains("/var/log/sales-db1-serial.log").doesNotContain("stub_VARS.fd")
                .contains("autoport=\"yes\"").doesNotContain("5901");
        assertThat(CloneXml.ownPath("/var/log/console.log", "stub", "sales-db1")).isEqualTo("/var/log/sales-db1-console.log");
    }

    @Test
    void attachesTheSeedAsAReadOnlySataCdromOnQ35AndFindsItAgain() {
        CloneXml.addSeedCdrom(root, devices, Path.of("/srv/seeds/sales-db1.iso"));

        Element cdrom = CloneXml.seedCdrom(doc, "/srv/seeds/sales-db1.iso");
        assertThat(cdrom).isNotNull();
        assertThat(DomainXml.child(cdrom, "target").getAttribute("bus")).isEqualTo("sata");
        assertThat(DomainXml.child(cdrom, "target").getAttribute("dev")).isEqualTo("sdb"); // sda is the disk
        assertThat(DomainXml.child(cdrom, "readonly")).isNotNull();
        assertThat(CloneXml.ejected((Element) cdrom.cloneNode(true))).contains("cdrom").doesNotContain("sales-db1.iso");
    }

    @Test
    void readsTheMacsAndSerialLogsOfADomain() {
        Set<String> macs = new HashSet<>();
        CloneXml.collectMacs(STUB.replace("52:54:00:00:00:01", "52:54:00:AA:00:01"), macs);

        assertThat(macs).containsExactly("52:54:00:aa:00:01");
        assertThat(CloneXml.serialLogs(STUB)).containsExactly(Path.of("/var/log/stub-serial.log"));
    }
}
