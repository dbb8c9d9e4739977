package org.hainstall.core.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Clones the VM stub for each node through libvirt (steps 1, 2 and the start of step 5 of DESIGN.md).
 *
 * <p>A clone is named after its node (node names equal the hosts' {@code uname -n}, so the domain, the host and
 * Heartbeat all say the same name); its {@code <title>} and a {@code <metadata>} element name the cluster. It gets a
 * new UUID (also in its SMBIOS sysinfo), new MACs for the main and the replication interface (the config's
 * {@code mac}/{@code replicationMac} when given) on the config's networks, serial-log and other file paths of its
 * own, a copy of each stub disk made by the storage pool, and the node's seed ISO as a read-only CD-ROM.
 *
 * <p>Everything is checked for every node before anything is defined: a missing or running stub, and a name, MAC
 * or volume already in use, are refused with every problem listed and nothing changed. What this instance defined
 * is remembered, so {@link #undo()} can remove exactly that (and never anything it did not create).
 * Domain XML is edited with the JDK's DOM only.
 */
public final class VmCloner {
    public static final String METADATA_NS = "https://hainstall.org/xmlns/node/1";
    private static final Logger LOG = LoggerFactory.getLogger(VmCloner.class);
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");
    private static final Set<String> PATH_DEVICES = Set.of("serial", "console", "parallel", "channel");

    private final Connect connect;
    private final ClusterConfig.Libvirt settings;
    private final String clusterName;
    private final CloneIdentities identities;
    private final org.libvirt.ErrorCallback quiet = new org.libvirt.ErrorCallback();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final Map<String, ClonedNode> cloned = new LinkedHashMap<>();

    public VmCloner(Connect connect, ClusterConfig.Libvirt settings, String clusterName, CloneIdentities identities) {
        this.connect = connect;
        // libvirt prints every error to stderr by default, also "not found" answers to our own existence checks;
        // errors still arrive as LibvirtExceptions. Held in a field: JNA must not lose the callback to the GC.
        try {
            connect.setConnectionErrorCallback(quiet);
        } catch (LibvirtException e) {
            LOG.debug("cannot silence libvirt's stderr reporting: {}", message(e));
        }
        this.settings = settings;
        this.clusterName = clusterName;
        this.identities = identities;
    }

    /** What a clone became; no secret in it. */
    public record ClonedNode(String node, String domainName, UUID uuid, String mainMac, String replicationMac,
                             List<String> volumePaths, Path seedIso) {
        public ClonedNode {
            volumePaths = List.copyOf(volumePaths);
        }
    }

    /**
     * Plans every node's clone and refuses with all problems before anything is defined; then copies the disks
     * and defines the domains. A failure while defining undoes what this call defined before it is reported.
     *
     * @param seedIso where each node's seed ISO is (or will be, before {@link #start}) on the libvirt host
     */
    public synchronized List<ClonedNode> define(List<Node> nodes, Function<String, Path> seedIso)
            throws ProvisionException {
        return define(nodes, nodes.stream().map(Node::name).collect(java.util.stream.Collectors.toSet()), seedIso);
    }

    /** Only the nodes named in {@code which}; problems still name each node by its index in {@code nodes}. */
    public synchronized List<ClonedNode> define(List<Node> nodes, Set<String> which, Function<String, Path> seedIso)
            throws ProvisionException {
        List<Plan> plans = plan(nodes, which, seedIso);
        List<ClonedNode> result = new ArrayList<>();
        try {
            for (Plan p : plans) {
                result.add(apply(p));
            }
        } catch (LibvirtException | RuntimeException e) {
            List<String> leftovers = undo();
            throw new ProvisionException("defining the clones failed (" + message(e) + "); undone"
                    + (leftovers.isEmpty() ? "" : ", but not all: " + leftovers), e);
        }
        return result;
    }

    /** Powers the node's clone on. */
    public synchronized void start(String node) throws ProvisionException {
        ClonedNode c = clonedOrThrow(node);
        try {
            Domain d = connect.domainLookupByName(c.domainName());
            if (d.isActive() != 1) {
                d.create();
                undo.push(new Undo.Started(c.domainName(), c.uuid()));
            }
        } catch (LibvirtException e) {
            throw new ProvisionException(node + ": cannot start domain " + c.domainName() + ": " + message(e), e);
        }
    }

    /**
     * After the node has called back: its seed CD-ROM leaves the persistent definition, is ejected from the running
     * machine where the driver can, and the ISO file (it holds the node's private host key and token) is deleted.
     * Returns what could not be done, for the run's log (empty when everything was).
     */
    public synchronized List<String> releaseSeed(String node) throws ProvisionException {
        ClonedNode c = clonedOrThrow(node);
        List<String> notes = new ArrayList<>();
        String iso = c.seedIso().toString();
        try {
            Domain d = connect.domainLookupByName(c.domainName());
            Document doc = DomainXml.parse(d.getXMLDesc(Domain.XMLFlags.INACTIVE));
            Element cdrom = seedCdrom(doc, iso);
            if (cdrom != null) {
                Element ejected = (Element) cdrom.cloneNode(true);
                DomainXml.remove(cdrom);
                connect.domainDefineXML(DomainXml.serialize(doc));
                if (d.isActive() == 1) {
                    eject(d, ejected, notes);
                }
            }
        } catch (LibvirtException e) {
            throw new ProvisionException(node + ": cannot remove the seed CD-ROM from " + c.domainName() + ": "
                    + message(e), e);
        }
        try {
            Files.deleteIfExists(c.seedIso());
        } catch (IOException e) {
            notes.add("could not delete " + iso + ": " + e.getMessage());
        }
        return notes;
    }

    /**
     * What the clone shows while its call back is awaited: its state when it no longer runs, and node-prep's lines
     * from its serial console when that is a file this workstation can read (a local hypervisor). Never throws:
     * what cannot be read is simply not known.
     */
    public synchronized MachineSigns signs(String node) {
        ClonedNode c = cloned.get(node);
        if (c == null) {
            return MachineSigns.NONE;
        }
        try {
            Domain d = connect.domainLookupByName(c.domainName());
            if (d.isActive() != 1) {
                return new MachineSigns(false, d.getInfo().state.name().replace("VIR_DOMAIN_", "").toLowerCase(Locale.ROOT)
                        .replace('_', ' '), List.of());
            }
            return new MachineSigns(true, null, consoleLog(d).map(SerialConsole::nodePrepLines).orElse(List.of()));
        } catch (LibvirtException | RuntimeException e) {
            LOG.debug("cannot read the state of {}: {}", c.domainName(), message(e));
            return MachineSigns.NONE;
        }
    }

    /** The running clone's serial console file, when it has one and the hypervisor runs on this machine. */
    private java.util.Optional<Path> consoleLog(Domain d) throws LibvirtException {
        String uri = uri();
        if (!(uri.startsWith("qemu:///") || uri.startsWith("test:///"))) {
            return java.util.Optional.empty();
        }
        Element devices = DomainXml.child(DomainXml.parse(d.getXMLDesc(0)).getDocumentElement(), "devices");
        for (Element serial : DomainXml.children(devices, "serial")) {
            Element source = DomainXml.child(serial, "source");
            Element log = DomainXml.child(serial, "log");
            String path = "file".equals(serial.getAttribute("type")) && source != null
                    ? source.getAttribute("path") : log != null ? log.getAttribute("file") : "";
            if (!path.isEmpty() && Files.isReadable(Path.of(path))) {
                return java.util.Optional.of(Path.of(path));
            }
        }
        return java.util.Optional.empty();
    }

    /** The clones this instance defined, by node name. */
    public synchronized Map<String, ClonedNode> cloned() {
        return Map.copyOf(cloned);
    }

    /**
     * Removes what this instance defined, newest first: stops the clones it started, undefines the domains it
     * defined (only if the UUID is still the one it gave), deletes the volumes it created. Returns what could not be
     * undone (empty when all was).
     */
    public synchronized List<String> undo() {
        List<String> failed = new ArrayList<>();
        while (!undo.isEmpty()) {
            Undo u = undo.pop();
            try {
                u.run(connect);
            } catch (LibvirtException | RuntimeException e) {
                failed.add(u + ": " + message(e));
                LOG.warn("undo of {} failed: {}", u, message(e));
            }
        }
        cloned.clear();
        return failed;
    }

    // ---- planning: every check before any change -------------------------------------------------------------

    private record DiskCopy(Element disk, StorageVol source, StoragePool target, String volumeName, String volumeXml) { }

    private record Plan(Node node, String domainName, UUID uuid, Document doc, List<DiskCopy> disks,
                        String mainMac, String replicationMac, Path seedIso) { }

    private List<Plan> plan(List<Node> nodes, Set<String> which, Function<String, Path> seedIso)
            throws ProvisionException {
        List<String> problems = new ArrayList<>();
        String stubName = settings == null ? null : settings.stub();
        if (stubName == null || stubName.isBlank()) {
            throw new ProvisionException("provisioning.libvirt.stub: name the shut-off domain to clone");
        }
        String stubXml;
        try {
            Domain stub = lookupDomain(stubName);
            if (stub == null) {
                throw new ProvisionException("provisioning.libvirt.stub: no domain named " + stubName + " on "
                        + connect.getURI() + "; nothing was changed");
            }
            DomainInfo.DomainState state = stub.getInfo().state;
            if (state != DomainInfo.DomainState.VIR_DOMAIN_SHUTOFF) {
                throw new ProvisionException("provisioning.libvirt.stub: " + stubName + " is "
                        + state.name().replace("VIR_DOMAIN_", "").toLowerCase(Locale.ROOT)
                        + "; shut it down before cloning (a running stub's disk is not a consistent copy); "
                        + "nothing was changed");
            }
            stubXml = stub.getXMLDesc(Domain.XMLFlags.INACTIVE);
        } catch (LibvirtException e) {
            throw new ProvisionException("provisioning.libvirt.stub: cannot read " + stubName + ": " + message(e), e);
        }
        checkNetwork(settings.network(), "provisioning.libvirt.network", problems);
        checkNetwork(settings.replicationNetwork(), "provisioning.libvirt.replicationNetwork", problems);
        Set<String> usedMacs;
        try {
            usedMacs = macsInUse();
        } catch (LibvirtException e) {
            throw new ProvisionException("cannot list the hypervisor's domains: " + message(e), e);
        }
        Set<String> plannedMacs = new HashSet<>();
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (!which.contains(nodes.get(i).name())) {
                continue;
            }
            Plan p = planNode(i, nodes.get(i), stubName, stubXml, usedMacs, plannedMacs, seedIso, problems);
            if (p != null) {
                plans.add(p);
            }
        }
        if (!problems.isEmpty()) {
            problems.add("nothing was changed");
            throw new ProvisionException(problems);
        }
        return plans;
    }

    private Plan planNode(int index, Node node, String stubName, String stubXml, Set<String> usedMacs,
                          Set<String> plannedMacs, Function<String, Path> seedIso, List<String> problems) {
        String path = "nodes[" + index + "]";
        String name = node.name();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(path + ".name: not a plain name usable as a domain name");
            return null;
        }
        try {
            if (lookupDomain(name) != null) {
                problems.add(path + ".name: a domain named " + name + " already exists on " + connect.getURI()
                        + "; it is not overwritten");
            }
        } catch (LibvirtException e) {
            problems.add(path + ": cannot check domain " + name + ": " + message(e));
        }
        Document doc = DomainXml.parse(stubXml);
        Element root = doc.getDocumentElement();
        root.removeAttribute("id");
        UUID uuid = identities.newUuid();
        DomainXml.setText(DomainXml.ensureChild(root, "name"), name);
        DomainXml.setText(DomainXml.ensureChild(root, "uuid"), uuid.toString());
        setSysinfoUuid(root, uuid);
        DomainXml.setText(DomainXml.ensureChild(root, "title"), "hainstall: " + name + " of cluster " + clusterName);
        setMetadata(root, name);
        Element devices = DomainXml.child(root, "devices");
        if (devices == null) {
            problems.add("provisioning.libvirt.stub: " + stubName + " has no devices");
            return null;
        }
        String mainMac = chooseMac(node.mac(), path + ".mac", usedMacs, plannedMacs, problems);
        boolean wantsReplication = node.replicationAddress() != null && !node.replicationAddress().isBlank();
        String replMac = null;
        List<Element> ifaces = DomainXml.children(devices, "interface");
        if (ifaces.isEmpty()) {
            problems.add("provisioning.libvirt.stub: " + stubName + " has no network interface to clone");
        } else if (ifaces.size() > 2) {
            problems.add("provisioning.libvirt.stub: " + stubName + " has " + ifaces.size() + " interfaces; "
                    + "hainstall knows two (main, replication)");
        } else {
            configureInterface(ifaces.get(0), mainMac, settings.network(), "provisioning.libvirt.network", problems);
            Element repl = ifaces.size() > 1 ? ifaces.get(1) : null;
            if (repl == null && wantsReplication) {
                // Same shape as the main interface, on the replication network; libvirt assigns its PCI slot.
                repl = (Element) ifaces.get(0).cloneNode(true);
                DomainXml.remove(DomainXml.child(repl, "address"));
                DomainXml.remove(DomainXml.child(repl, "alias"));
                devices.insertBefore(repl, ifaces.get(0).getNextSibling());
            }
            if (repl != null) {
                replMac = chooseMac(node.replicationMac(), path + ".replicationMac", usedMacs, plannedMacs, problems);
                configureInterface(repl, replMac, settings.replicationNetwork(),
                        "provisioning.libvirt.replicationNetwork", problems);
            }
        }
        List<DiskCopy> disks = planDisks(devices, name, problems);
        makePathsOwn(root, devices, stubName, name);
        Path iso = seedIso.apply(name);
        addSeedCdrom(root, devices, iso);
        return new Plan(node, name, uuid, doc, disks, mainMac, replMac, iso);
    }

    private String chooseMac(String configured, String path, Set<String> used, Set<String> planned,
                             List<String> problems) {
        if (configured != null && !configured.isBlank()) {
            String mac = configured.strip().toLowerCase(Locale.ROOT);
            if (!MAC.matcher(mac).matches()) {
                problems.add(path + ": " + configured + " is not a MAC address");
            } else if (used.contains(mac)) {
                problems.add(path + ": " + mac + " is already used by a domain on " + uri());
            } else if (planned.contains(mac)) {
                problems.add(path + ": " + mac + " is given to another interface of this cluster too");
            }
            planned.add(mac);
            return mac;
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            String mac = identities.newMac().toLowerCase(Locale.ROOT);
            if (MAC.matcher(mac).matches() && !used.contains(mac) && planned.add(mac)) {
                return mac;
            }
        }
        problems.add(path + ": no unused MAC address found");
        return null;
    }

    /** A network the config names must exist and run before anything is cloned: a clone on it could not start. */
    private void checkNetwork(String network, String configPath, List<String> problems) {
        if (network == null || network.isBlank()) {
            return;
        }
        try {
            if (connect.networkLookupByName(network).isActive() != 1) {
                problems.add(configPath + ": the libvirt network " + network + " on " + uri() + " is not active "
                        + "(start it: virsh net-start " + network + ")");
            }
        } catch (LibvirtException e) {
            problems.add(configPath + ": " + (code(e) == Error.ErrorNumber.VIR_ERR_NO_NETWORK
                    ? "no libvirt network named " + network + " on " + uri() + " (virsh net-list --all lists them)"
                    : "cannot look up the libvirt network " + network + ": " + message(e)));
        }
    }

    /**
     * The config names libvirt networks. A stub's NIC may be a plain bridge NIC or a network NIC: either becomes an
     * interface on the named network (a bridge NIC given a network's name would name a bridge that does not exist).
     */
    private void configureInterface(Element iface, String mac, String network, String configPath,
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

    private List<DiskCopy> planDisks(Element devices, String name, List<String> problems) {
        List<DiskCopy> copies = new ArrayList<>();
        for (Element disk : DomainXml.children(devices, "disk")) {
            String device = disk.hasAttribute("device") ? disk.getAttribute("device") : "disk";
            if (!"disk".equals(device)) {
                continue;
            }
            String type = disk.getAttribute("type");
            Element source = DomainXml.child(disk, "source");
            String target = DomainXml.attr(DomainXml.child(disk, "target"), "dev");
            try {
                StorageVol vol;
                if ("file".equals(type) && source != null && source.hasAttribute("file")) {
                    vol = lookupVolumeByPath(source.getAttribute("file"));
                    if (vol == null) {
                        problems.add("provisioning.libvirt.stub: disk " + source.getAttribute("file") + " is in no "
                                + "libvirt storage pool; define a pool for its folder so it can be copied");
                        continue;
                    }
                } else if ("volume".equals(type) && source != null) {
                    vol = connect.storagePoolLookupByName(source.getAttribute("pool"))
                            .storageVolLookupByName(source.getAttribute("volume"));
                } else {
                    problems.add("provisioning.libvirt.stub: disk " + target + " is of type '" + type
                            + "'; hainstall copies file and volume disks through a storage pool");
                    continue;
                }
                StoragePool pool = targetPool(vol, problems);
                if (pool == null) {
                    continue;
                }
                String volumeName = name + "-" + target + extension(vol.getName());
                if (lookupVolume(pool, volumeName) != null) {
                    problems.add("provisioning.libvirt.storagePool: volume " + volumeName + " already exists in pool "
                            + pool.getName() + "; it is not overwritten");
                    continue;
                }
                copies.add(new DiskCopy(disk, vol, pool, volumeName, volumeXml(vol, volumeName)));
            } catch (LibvirtException e) {
                problems.add("provisioning.libvirt.stub: disk " + target + ": " + message(e));
            }
        }
        return copies;
    }

    private StoragePool targetPool(StorageVol source, List<String> problems) throws LibvirtException {
        String configured = settings.storagePool();
        if (configured == null || configured.isBlank()) {
            return source.storagePoolLookupByVolume();
        }
        try {
            StoragePool pool = connect.storagePoolLookupByName(configured);
            if (pool.isActive() != 1) {
                problems.add("provisioning.libvirt.storagePool: pool " + configured + " is not active");
                return null;
            }
            return pool;
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_STORAGE_POOL) {
                problems.add("provisioning.libvirt.storagePool: no pool named " + configured + " on " + uri());
                return null;
            }
            throw e;
        }
    }

    /** The new volume's XML: same capacity and format as the stub's disk. */
    private static String volumeXml(StorageVol source, String volumeName) throws LibvirtException {
        Element srcTarget = DomainXml.child(DomainXml.parse(source.getXMLDesc(0)).getDocumentElement(), "target");
        String format = DomainXml.attr(DomainXml.child(srcTarget, "format"), "type");
        Document doc = DomainXml.newDocument();
        Element volume = doc.createElement("volume");
        doc.appendChild(volume);
        DomainXml.setText(DomainXml.ensureChild(volume, "name"), volumeName);
        Element capacity = DomainXml.ensureChild(volume, "capacity");
        capacity.setAttribute("unit", "bytes");
        DomainXml.setText(capacity, Long.toString(source.getInfo().capacity));
        if (format != null) {
            DomainXml.ensureChild(DomainXml.ensureChild(volume, "target"), "format").setAttribute("type", format);
        }
        return DomainXml.serialize(doc);
    }

    /** Serial logs, sockets and the like: the clone's own files, never the stub's. */
    private static void makePathsOwn(Element root, Element devices, String stubName, String name) {
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
    private static void addSeedCdrom(Element root, Element devices, Path iso) {
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

    private void setMetadata(Element root, String node) {
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

    // ---- applying ----------------------------------------------------------------------------------------------

    private ClonedNode apply(Plan p) throws LibvirtException {
        List<String> paths = new ArrayList<>();
        for (DiskCopy d : p.disks()) {
            StorageVol vol = d.target().storageVolCreateXMLFrom(d.volumeXml(), d.source(), 0);
            undo.push(new Undo.VolumeCreated(d.target().getName(), d.volumeName(), vol.getPath()));
            Element source = DomainXml.child(d.disk(), "source");
            if ("volume".equals(d.disk().getAttribute("type"))) {
                source.setAttribute("pool", d.target().getName());
                source.setAttribute("volume", d.volumeName());
            } else {
                source.setAttribute("file", vol.getPath());
            }
            paths.add(vol.getPath());
        }
        connect.domainDefineXML(DomainXml.serialize(p.doc()));
        undo.push(new Undo.DomainDefined(p.domainName(), p.uuid()));
        ClonedNode c = new ClonedNode(p.node().name(), p.domainName(), p.uuid(), p.mainMac(), p.replicationMac(),
                paths, p.seedIso());
        cloned.put(p.node().name(), c);
        LOG.info("defined {} (cloned from {}): MACs {} {}, disks {}", p.domainName(), settings.stub(), p.mainMac(),
                p.replicationMac(), paths);
        return c;
    }

    private static Element seedCdrom(Document doc, String iso) {
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

    private static void eject(Domain d, Element cdrom, List<String> notes) {
        DomainXml.remove(DomainXml.child(cdrom, "source"));
        Document doc = DomainXml.newDocument();
        doc.appendChild(doc.importNode(cdrom, true));
        try {
            d.updateDeviceFlags(DomainXml.serialize(doc), Domain.DeviceModifyFlags.LIVE);
        } catch (LibvirtException e) {
            notes.add("the running machine keeps its seed CD-ROM until it restarts (" + message(e) + ")");
        }
    }

    // ---- lookups -----------------------------------------------------------------------------------------------

    private Set<String> macsInUse() throws LibvirtException {
        Set<String> macs = new HashSet<>();
        for (Domain d : connect.listAllDomains(0)) {
            collectMacs(d.getXMLDesc(0), macs);
            if (d.isActive() == 1 && d.isPersistent() == 1) {
                collectMacs(d.getXMLDesc(Domain.XMLFlags.INACTIVE), macs);
            }
        }
        return macs;
    }

    private static void collectMacs(String xml, Set<String> macs) {
        Element devices = DomainXml.child(DomainXml.parse(xml).getDocumentElement(), "devices");
        for (Element iface : DomainXml.children(devices, "interface")) {
            String mac = DomainXml.attr(DomainXml.child(iface, "mac"), "address");
            if (mac != null) {
                macs.add(mac.toLowerCase(Locale.ROOT));
            }
        }
    }

    private Domain lookupDomain(String name) throws LibvirtException {
        try {
            return connect.domainLookupByName(name);
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return null;
            }
            throw e;
        }
    }

    private StorageVol lookupVolumeByPath(String path) throws LibvirtException {
        try {
            return connect.storageVolLookupByPath(path);
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
                return null;
            }
            throw e;
        }
    }

    private static StorageVol lookupVolume(StoragePool pool, String name) throws LibvirtException {
        try {
            return pool.storageVolLookupByName(name);
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
                return null;
            }
            throw e;
        }
    }

    private ClonedNode clonedOrThrow(String node) throws ProvisionException {
        ClonedNode c = cloned.get(node);
        if (c == null) {
            throw new ProvisionException(node + ": no clone of this run is named so");
        }
        return c;
    }

    private String uri() {
        try {
            return connect.getURI();
        } catch (LibvirtException e) {
            return settings.uri();
        }
    }

    private static String extension(String volumeName) {
        int dot = volumeName.lastIndexOf('.');
        return dot <= 0 ? "" : volumeName.substring(dot);
    }

    static Error.ErrorNumber code(LibvirtException e) {
        return e.getError() == null ? null : e.getError().getCode();
    }

    static String message(Exception e) {
        if (e instanceof LibvirtException && ((LibvirtException) e).getError() != null) {
            return ((LibvirtException) e).getError().getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    /** One thing this instance did, and how to take it back. */
    private interface Undo {
        void run(Connect c) throws LibvirtException;

        record Started(String name, UUID uuid) implements Undo {
            @Override
            public void run(Connect c) throws LibvirtException {
                Domain d = c.domainLookupByUUIDString(uuid.toString());
                if (d.isActive() == 1) {
                    d.destroy();
                }
            }
        }

        record DomainDefined(String name, UUID uuid) implements Undo {
            @Override
            public void run(Connect c) throws LibvirtException {
                // By UUID: a domain that someone else has since given this name is not ours to remove.
                Domain d = c.domainLookupByUUIDString(uuid.toString());
                if (d.isActive() == 1) {
                    d.destroy();
                }
                d.undefine();
            }
        }

        record VolumeCreated(String pool, String name, String path) implements Undo {
            @Override
            public void run(Connect c) throws LibvirtException {
                StorageVol v = c.storagePoolLookupByName(pool).storageVolLookupByName(name);
                if (path.equals(v.getPath())) {
                    v.delete(0);
                }
            }
        }
    }
}
