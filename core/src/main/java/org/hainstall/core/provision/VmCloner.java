package org.hainstall.core.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
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
 * The planning is {@link ClonePlanner}'s, the XML edits {@link CloneXml}'s (the JDK's DOM only); this class is the
 * libvirt session that applies a plan, starts, releases and undoes.
 */
public final class VmCloner {
    public static final String METADATA_NS = CloneXml.METADATA_NS;
    private static final Logger LOG = LoggerFactory.getLogger(VmCloner.class);

    private final Connect connect;
    private final ClusterConfig.Libvirt settings;
    private final LibvirtLookups lookups;
    private final ClonePlanner planner;
    private final org.libvirt.ErrorCallback quiet = new org.libvirt.ErrorCallback();
    private final Deque<CloneUndo> undo = new ArrayDeque<>();
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
        this.lookups = new LibvirtLookups(connect, settings == null ? null : settings.uri());
        this.planner = new ClonePlanner(lookups, settings, clusterName, identities);
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
        List<ClonePlanner.Plan> plans = planner.plan(nodes, which, seedIso);
        List<ClonedNode> result = new ArrayList<>();
        try {
            for (ClonePlanner.Plan p : plans) {
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
                undo.push(new CloneUndo.Started(c.domainName(), c.uuid()));
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
            Element cdrom = CloneXml.seedCdrom(doc, iso);
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
        String uri = lookups.uri();
        if (!(uri.startsWith("qemu:///") || uri.startsWith("test:///"))) {
            return java.util.Optional.empty();
        }
        return CloneXml.serialLogs(d.getXMLDesc(0)).stream().filter(Files::isReadable).findFirst();
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
            CloneUndo u = undo.pop();
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

    // ---- applying ----------------------------------------------------------------------------------------------

    private ClonedNode apply(ClonePlanner.Plan p) throws LibvirtException {
        List<String> paths = new ArrayList<>();
        for (ClonePlanner.DiskCopy d : p.disks()) {
            StorageVol vol = d.target().storageVolCreateXMLFrom(d.volumeXml(), d.source(), 0);
            undo.push(new CloneUndo.VolumeCreated(d.target().getName(), d.volumeName(), vol.getPath()));
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
        undo.push(new CloneUndo.DomainDefined(p.domainName(), p.uuid()));
        ClonedNode c = new ClonedNode(p.node().name(), p.domainName(), p.uuid(), p.mainMac(), p.replicationMac(),
                paths, p.seedIso());
        cloned.put(p.node().name(), c);
        LOG.info("defined {} (cloned from {}): MACs {} {}, disks {}", p.domainName(), settings.stub(), p.mainMac(),
                p.replicationMac(), paths);
        return c;
    }

    private static void eject(Domain d, Element cdrom, List<String> notes) {
        try {
            d.updateDeviceFlags(CloneXml.ejected(cdrom), Domain.DeviceModifyFlags.LIVE);
        } catch (LibvirtException e) {
            notes.add("the running machine keeps its seed CD-ROM until it restarts (" + message(e) + ")");
        }
    }

    private ClonedNode clonedOrThrow(String node) throws ProvisionException {
        ClonedNode c = cloned.get(node);
        if (c == null) {
            throw new ProvisionException(node + ": no clone of this run is named so");
        }
        return c;
    }

    static String message(Exception e) {
        return LibvirtLookups.message(e);
    }
}
