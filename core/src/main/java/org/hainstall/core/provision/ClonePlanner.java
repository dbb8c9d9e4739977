package org.hainstall.core.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Plans every node's clone before anything is changed: reads the stub, the networks, the MACs and volumes in use,
 * and edits a copy of the stub's XML per node ({@link CloneXml}). Changes nothing on the hypervisor; every problem
 * of every node is collected, and any problem refuses the whole plan. {@link VmCloner} applies what it returns.
 */
final class ClonePlanner {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

    private final LibvirtLookups lookups;
    private final ClusterConfig.Libvirt settings;
    private final String clusterName;
    private final CloneIdentities identities;

    ClonePlanner(LibvirtLookups lookups, ClusterConfig.Libvirt settings, String clusterName,
                 CloneIdentities identities) {
        this.lookups = lookups;
        this.settings = settings;
        this.clusterName = clusterName;
        this.identities = identities;
    }

    /** A stub disk to copy into {@code target} as {@code volumeName}. */
    record DiskCopy(Element disk, StorageVol source, StoragePool target, String volumeName, String volumeXml) { }

    /** One node's clone as planned: its edited domain XML, the disks to copy, its MACs and seed. */
    record Plan(Node node, String domainName, UUID uuid, Document doc, List<DiskCopy> disks,
                String mainMac, String replicationMac, Path seedIso) { }

    List<Plan> plan(List<Node> nodes, Set<String> which, Function<String, Path> seedIso)
            throws ProvisionException {
        List<String> problems = new ArrayList<>();
        String stubName = settings == null ? null : settings.stub();
        if (stubName == null || stubName.isBlank()) {
            throw new ProvisionException("provisioning.libvirt.stub: name the shut-off domain to clone");
        }
        String stubXml;
        try {
            Domain stub = lookups.domain(stubName);
            if (stub == null) {
                throw new ProvisionException("provisioning.libvirt.stub: no domain named " + stubName + " on "
                        + lookups.connect().getURI() + "; nothing was changed");
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
            throw new ProvisionException("provisioning.libvirt.stub: cannot read " + stubName + ": "
                    + LibvirtLookups.message(e), e);
        }
        checkNetwork(settings.network(), "provisioning.libvirt.network", problems);
        checkNetwork(settings.replicationNetwork(), "provisioning.libvirt.replicationNetwork", problems);
        Set<String> usedMacs;
        try {
            usedMacs = lookups.macsInUse();
        } catch (LibvirtException e) {
            throw new ProvisionException("cannot list the hypervisor's domains: " + LibvirtLookups.message(e), e);
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
            if (lookups.domain(name) != null) {
                problems.add(path + ".name: a domain named " + name + " already exists on " + lookups.connect().getURI()
                        + "; it is not overwritten");
            }
        } catch (LibvirtException e) {
            problems.add(path + ": cannot check domain " + name + ": " + LibvirtLookups.message(e));
        }
        Document doc = DomainXml.parse(stubXml);
        Element root = doc.getDocumentElement();
        UUID uuid = identities.newUuid();
        CloneXml.setIdentity(root, name, uuid, clusterName);
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
            CloneXml.configureInterface(ifaces.get(0), mainMac, settings.network(), "provisioning.libvirt.network",
                    problems);
            Element repl = ifaces.size() > 1 ? ifaces.get(1) : null;
            if (repl == null && wantsReplication) {
                repl = CloneXml.addReplicationInterface(devices, ifaces.get(0));
            }
            if (repl != null) {
                replMac = chooseMac(node.replicationMac(), path + ".replicationMac", usedMacs, plannedMacs, problems);
                CloneXml.configureInterface(repl, replMac, settings.replicationNetwork(),
                        "provisioning.libvirt.replicationNetwork", problems);
            }
        }
        List<DiskCopy> disks = planDisks(devices, name, problems);
        CloneXml.makePathsOwn(root, devices, stubName, name);
        Path iso = seedIso.apply(name);
        CloneXml.addSeedCdrom(root, devices, iso);
        return new Plan(node, name, uuid, doc, disks, mainMac, replMac, iso);
    }

    private String chooseMac(String configured, String path, Set<String> used, Set<String> planned,
                             List<String> problems) {
        if (configured != null && !configured.isBlank()) {
            String mac = configured.strip().toLowerCase(Locale.ROOT);
            if (!MAC.matcher(mac).matches()) {
                problems.add(path + ": " + configured + " is not a MAC address");
            } else if (used.contains(mac)) {
                problems.add(path + ": " + mac + " is already used by a domain on " + lookups.uri());
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
            if (lookups.connect().networkLookupByName(network).isActive() != 1) {
                problems.add(configPath + ": the libvirt network " + network + " on " + lookups.uri()
                        + " is not active "
                        + "(start it: virsh net-start " + network + ")");
            }
        } catch (LibvirtException e) {
            problems.add(configPath + ": " + (LibvirtLookups.code(e) == Error.ErrorNumber.VIR_ERR_NO_NETWORK
                    ? "no libvirt network named " + network + " on " + lookups.uri()
                            + " (virsh net-list --all lists them)"
                    : "cannot look up the libvirt network " + network + ": " + LibvirtLookups.message(e)));
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
                    vol = lookups.volumeByPath(source.getAttribute("file"));
                    if (vol == null) {
                        problems.add("provisioning.libvirt.stub: disk " + source.getAttribute("file") + " is in no "
                                + "libvirt storage pool; define a pool for its folder so it can be copied");
                        continue;
                    }
                } else if ("volume".equals(type) && source != null) {
                    vol = lookups.connect().storagePoolLookupByName(source.getAttribute("pool"))
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
                if (LibvirtLookups.volume(pool, volumeName) != null) {
                    problems.add("provisioning.libvirt.storagePool: volume " + volumeName + " already exists in pool "
                            + pool.getName() + "; it is not overwritten");
                    continue;
                }
                String volumeXml = CloneXml.volumeXml(vol.getXMLDesc(0), vol.getInfo().capacity, volumeName);
                copies.add(new DiskCopy(disk, vol, pool, volumeName, volumeXml));
            } catch (LibvirtException e) {
                problems.add("provisioning.libvirt.stub: disk " + target + ": " + LibvirtLookups.message(e));
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
            StoragePool pool = lookups.connect().storagePoolLookupByName(configured);
            if (pool.isActive() != 1) {
                problems.add("provisioning.libvirt.storagePool: pool " + configured + " is not active");
                return null;
            }
            return pool;
        } catch (LibvirtException e) {
            if (LibvirtLookups.code(e) == Error.ErrorNumber.VIR_ERR_NO_STORAGE_POOL) {
                problems.add("provisioning.libvirt.storagePool: no pool named " + configured + " on " + lookups.uri());
                return null;
            }
            throw e;
        }
    }

    private static String extension(String volumeName) {
        int dot = volumeName.lastIndexOf('.');
        return dot <= 0 ? "" : volumeName.substring(dot);
    }
}
