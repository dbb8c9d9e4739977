package org.hainstall.core.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The edits that turn the stub's domain XML into a node's clone, and the readings of domain XML the cloner needs.
 * Pure: DOM in, DOM out, no libvirt call, so each edit is tested on XML alone.
 */
final class CloneXml {
    static final String METADATA_NS = "https://hainstall.org/xmlns/node/1";
    private static final Set<String> PATH_DEVICES = Set.of("serial", "console", "parallel", "channel");

    private CloneXml() {
    }

    /** The clone's identity: its name, a new UUID (also in the SMBIOS sysinfo), a title and our metadata. */
    static void setIdentity(Element root, String name, UUID uuid, String clusterName) {
        root.removeAttribute("id");
        DomainXml.setText(DomainXml.ensureChild(root, "name"), name);
        DomainXml.setText(DomainXml.ensureChild(root, "uuid"), uuid.toString());
        setSysinfoUuid(root, uuid);
        DomainXml.setText(DomainXml.ensureChild(root, "title"), "hainstall: " + name + " of cluster " + clusterName);
        setMetadata(root, name, clusterName);
    }

    /** A replication interface of the same shape as the main one, right after it; libvirt assigns its PCI slot. */
    static Element addReplicationInterface(Element devices, Element main) {
        Element repl = (Element) main.cloneNode(true);
        DomainXml.remove(DomainXml.child(repl, "address"));
        DomainXml.remove(DomainXml.child(repl, "alias"));
        devices.insertBefore(repl, main.getNextSibling());
        return repl;
    }

    /**
     * The config names libvirt networks. A stub's NIC may be a plain bridge NIC or a network NIC: either becomes an
     * interface on the named network (a bridge NIC given a network's name would name a bridge that does not exist).
     */
    static void configureInterface(Element iface, String mac, String network, String configPath,
                           List<String> problems) {
        if (mac != null) {
            DomainXml.ensureChild(iface, "mac").setAttribute("address", mac);
        }
        // The tap device name is per running domain: libvirt picks a fresh one for the clone.
        DomainXml.remove(DomainXml.child(iface, "target"));
        if (network == null || network.isBlank()) {
            return;
        }
        String type = iface.getAttribute("type");
        if (!"network".equals(type) && !"bridge".equals(type)) {
            problems.add(configPath + ": the stub's interface is of type '" + type + "'; hainstall places "
                    + "interfaces of type 'network' or 'bridge' only");
            return;
        }
        iface.setAttribute("type", "network");
        Element source = DomainXml.ensureChild(iface, "source");
        while (source.getAttributes().getLength() > 0) {
            source.removeAttribute(source.getAttributes().item(0).getNodeName());
        }
        source.setAttribute("network", network);
        // A bridge NIC's Open vSwitch port settings belong to that bridge; the network brings its own.
        if ("bridge".equals(type)) {
            DomainXml.remove(DomainXml.child(iface, "virtualport"));
        }
    }

    /** Serial logs, sockets and the like: the clone's own files, never the stub's. */
    static void makePathsOwn(Element root, Element devices, String stubName, String name) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String kind : PATH_DEVICES) {
            for (Element dev : DomainXml.children(devices, kind)) {
                for (Element source : DomainXml.children(dev, "source")) {
                    if (source.hasAttribute("path")) {
                        source.setAttribute("path", renamed.computeIfAbsent(source.getAttribute("path"),
                                p -> ownPath(p, stubName, name)));
                    }
                }
                Element log = DomainXml.child(dev, "log");
                if (log != null && log.hasAttribute("file")) {
                    log.setAttribute("file", renamed.computeIfAbsent(log.getAttribute("file"),
                            p -> ownPath(p, stubName, name)));
                }
            }
        }
        // UEFI variables are per machine: without a path libvirt makes the clone its own from the template.
        Element nvram = DomainXml.child(DomainXml.child(root, "os"), "nvram");
        if (nvram != null) {
            while (nvram.getFirstChild() != null) {
                nvram.removeChild(nvram.getFirstChild());
            }
        }
        for (Element graphics : DomainXml.children(devices, "graphics")) {
            if (graphics.hasAttribute("port") && !"yes".equals(graphics.getAttribute("autoport"))) {
                graphics.removeAttribute("port");
                graphics.setAttribute("autoport", "yes");
            }
        }
    }

    static String ownPath(String path, String stubName, String name) {
        int slash = path.lastIndexOf('/');
        String dir = path.substring(0, slash + 1);
        String base = path.substring(slash + 1);
        return dir + (base.contains(stubName) ? base.replace(stubName, name) : name + "-" + base);
    }

    /** The seed as a read-only CD-ROM: the stub's own CD-ROM slot when it has one, else IDE (SATA on q35). */
    static void addSeedCdrom(Element root, Element devices, Path iso) {
        String bus = null;
        String dev = null;
        Set<String> taken = new HashSet<>();
        for (Element disk : DomainXml.children(devices, "disk")) {
            Element target = DomainXml.child(disk, "target");
            if ("cdrom".equals(disk.getAttribute("device")) || "floppy".equals(disk.getAttribute("device"))) {
                if (bus == null && "cdrom".equals(disk.getAttribute("device")) && target != null) {
                    bus = target.getAttribute("bus");
                    dev = target.getAttribute("dev");
                }
                DomainXml.remove(disk);
            } else if (target != null) {
                taken.add(target.getAttribute("dev"));
            }
        }
        if (bus == null || bus.isEmpty() || dev == null || dev.isEmpty()) {
            String machine = DomainXml.attr(DomainXml.child(DomainXml.child(root, "os"), "type"), "machine");
            bus = machine != null && machine.contains("q35") ? "sata" : "ide";
            String prefix = "ide".equals(bus) ? "hd" : "sd";
            char letter = "ide".equals(bus) ? 'c' : 'a';
            while (taken.contains(prefix + letter)) {
                letter++;
            }
            dev = prefix + letter;
        }
        Document doc = root.getOwnerDocument();
        Element cdrom = doc.createElement("disk");
        cdrom.setAttribute("type", "file");
        cdrom.setAttribute("device", "cdrom");
        Element driver = doc.createElement("driver");
        driver.setAttribute("name", "qemu");
        driver.setAttribute("type", "raw");
        cdrom.appendChild(driver);
        Element source = doc.createElement("source");
        source.setAttribute("file", iso.toString());
        cdrom.appendChild(source);
        Element target = doc.createElement("target");
        target.setAttribute("dev", dev);
        target.setAttribute("bus", bus);
        cdrom.appendChild(target);
        cdrom.appendChild(doc.createElement("readonly"));
        // After the last disk (libvirt keeps device order), or first when there is none.
        org.w3c.dom.Node after = null;
        for (Element disk : DomainXml.children(devices, "disk")) {
            after = disk.getNextSibling();
        }
        devices.insertBefore(cdrom, after == null && DomainXml.children(devices, "disk").isEmpty()
                ? devices.getFirstChild() : after);
    }

    private static void setSysinfoUuid(Element root, UUID uuid) {
        for (Element sysinfo : DomainXml.children(root, "sysinfo")) {
            for (Element system : DomainXml.children(sysinfo, "system")) {
                for (Element entry : DomainXml.children(system, "entry")) {
                    if ("uuid".equals(entry.getAttribute("name"))) {
                        DomainXml.setText(entry, uuid.toString());
                    }
                }
            }
        }
    }

    private static void setMetadata(Element root, String node, String clusterName) {
        Element metadata = DomainXml.ensureChild(root, "metadata");
        for (Element old : DomainXml.children(metadata, "node")) {
            if (METADATA_NS.equals(old.getNamespaceURI())) {
                DomainXml.remove(old);
            }
        }
        Element mine = root.getOwnerDocument().createElementNS(METADATA_NS, "hainstall:node");
        mine.setAttribute("cluster", clusterName);
        mine.setAttribute("node", node);
        metadata.appendChild(mine);
    }

    /** The seed CD-ROM of the given ISO in a domain's XML, or null. */
    static Element seedCdrom(Document doc, String iso) {
        Element devices = DomainXml.child(doc.getDocumentElement(), "devices");
        for (Element disk : DomainXml.children(devices, "disk")) {
            Element source = DomainXml.child(disk, "source");
            if ("cdrom".equals(disk.getAttribute("device")) && source != null
                    && iso.equals(source.getAttribute("file"))) {
                return disk;
            }
        }
        return null;
    }

    /** The device XML that empties a running machine's CD-ROM drive (its source removed). */
    static String ejected(Element cdrom) {
        DomainXml.remove(DomainXml.child(cdrom, "source"));
        Document doc = DomainXml.newDocument();
        doc.appendChild(doc.importNode(cdrom, true));
        return DomainXml.serialize(doc);
    }

    static void collectMacs(String xml, Set<String> macs) {
        Element devices = DomainXml.child(DomainXml.parse(xml).getDocumentElement(), "devices");
        for (Element iface : DomainXml.children(devices, "interface")) {
            String mac = DomainXml.attr(DomainXml.child(iface, "mac"), "address");
            if (mac != null) {
                macs.add(mac.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The new volume's XML: same capacity and format as the stub's disk (its volume XML and capacity given). */
    static String volumeXml(String sourceVolumeXml, long capacityBytes, String volumeName) {
        Element srcTarget = DomainXml.child(DomainXml.parse(sourceVolumeXml).getDocumentElement(), "target");
        String format = DomainXml.attr(DomainXml.child(srcTarget, "format"), "type");
        Document doc = DomainXml.newDocument();
        Element volume = doc.createElement("volume");
        doc.appendChild(volume);
        DomainXml.setText(DomainXml.ensureChild(volume, "name"), volumeName);
        Element capacity = DomainXml.ensureChild(volume, "capacity");
        capacity.setAttribute("unit", "bytes");
        DomainXml.setText(capacity, Long.toString(capacityBytes));
        if (format != null) {
            DomainXml.ensureChild(DomainXml.ensureChild(volume, "target"), "format").setAttribute("type", format);
        }
        return DomainXml.serialize(doc);
    }

    /** The files a domain's serial ports write to, in device order: where node-prep's lines may be read. */
    static List<Path> serialLogs(String domainXml) {
        List<Path> logs = new ArrayList<>();
        Element devices = DomainXml.child(DomainXml.parse(domainXml).getDocumentElement(), "devices");
        for (Element serial : DomainXml.children(devices, "serial")) {
            Element source = DomainXml.child(serial, "source");
            Element log = DomainXml.child(serial, "log");
            String path = "file".equals(serial.getAttribute("type")) && source != null
                    ? source.getAttribute("path") : log != null ? log.getAttribute("file") : "";
            if (!path.isEmpty()) {
                logs.add(Path.of(path));
            }
        }
        return logs;
    }
}
