package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hainstall.core.config.ClusterConfig.Backup;
import org.hainstall.core.config.ClusterConfig.Database;
import org.hainstall.core.config.ClusterConfig.Db2;
import org.hainstall.core.config.ClusterConfig.Db2Instance;
import org.hainstall.core.config.ClusterConfig.Disk;
import org.hainstall.core.config.ClusterConfig.DrbdResource;
import org.hainstall.core.config.ClusterConfig.Filesystem;
import org.hainstall.core.config.ClusterConfig.Heartbeat;
import org.hainstall.core.config.ClusterConfig.LogicalVolume;
import org.hainstall.core.config.ClusterConfig.Network;
import org.hainstall.core.config.ClusterConfig.Node;
import org.hainstall.core.config.ClusterConfig.Partition;
import org.hainstall.core.config.ClusterConfig.Replication;
import org.hainstall.core.config.ClusterConfig.Storage;
import org.hainstall.core.config.ClusterConfig.TimeSettings;
import org.hainstall.core.config.ClusterConfig.VolumeGroup;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.InitialSync;
import org.hainstall.core.config.PartitionType;
import org.hainstall.core.db2.Db2OutputParser;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.drbd.DrbdResourceFacts;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.heartbeat.HaCfFacts;
import org.hainstall.core.heartbeat.HaResourcesFacts;
import org.hainstall.core.os.Interfaces;
import org.hainstall.core.storage.LvmReport;
import org.hainstall.core.storage.Mounts;
import org.hainstall.core.storage.PartitionTable;
import org.hainstall.core.storage.StorageLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the facts read from one cluster node into a config: a pure function, so it is tested on output captured
 * from real machines. What it cannot find is listed, never silently left out. The nodes, network, time and
 * replication are read here; the storage ({@link StorageReading}) and DB2 with its backup ({@link Db2Reading})
 * each by their own reader.
 */
public final class ConfigAssembler {
    private final Gaps gaps;
    private final List<String> unreadable;
    private final NodeFacts facts;
    private final WorkstationSettings workstation;

    private ConfigAssembler(NodeFacts facts, WorkstationSettings workstation) {
        this.facts = facts;
        this.workstation = workstation;
        this.gaps = new Gaps(facts);
        this.unreadable = gaps.notes();
    }

    public static Reconstruction assemble(NodeFacts facts, WorkstationSettings workstation) {
        return new ConfigAssembler(facts, workstation).build();
    }

    private Reconstruction build() {
        String self = facts.get("uname").map(String::strip).orElse(null);
        if (self == null) {
            missing("nodes[0].name", "uname");
        }
        HaCfFacts hacf = facts.get("hacf").map(HaCfFacts::parse).orElse(null);
        if (hacf == null) {
            missing("heartbeat", "hacf");
        } else {
            hacf.notes().forEach(n -> unreadable.add("heartbeat.udpPort: " + n));
        }
        Optional<HaResourcesFacts> haresources = facts.get("haresources").flatMap(HaResourcesFacts::parse);
        if (haresources.isEmpty()) {
            missing("network.serviceAddress", "haresources");
        }
        List<DrbdResourceFacts> drbd = facts.get("drbd-dump").map(ConfigAssembler::drbdResources).orElse(List.of());
        if (facts.get("drbd-dump").isEmpty()) {
            missing("replication", "drbd-dump");
        }

        String peer = peerName(self, hacf, drbd);
        List<Interfaces.Link> interfaces = facts.get("ip-addr").map(j -> Interfaces.parse(j).links()).orElse(List.of());
        if (facts.get("ip-addr").isEmpty()) {
            missing("nodes[*].address", "ip-addr");
        }
        String gateway = facts.get("ip-route").flatMap(ConfigAssembler::defaultGateway).orElse(null);
        String defaultDevice = facts.get("ip-route").flatMap(ConfigAssembler::defaultDevice).orElse(null);

        Interfaces.Link main = interfaces.stream().filter(i -> i.name().equals(defaultDevice)).findFirst()
                .orElse(interfaces.isEmpty() ? null : interfaces.get(0));
        String selfRepl = replicationAddress(drbd, self);
        String peerRepl = replicationAddress(drbd, peer);
        Interfaces.Link repl = interfaces.stream().filter(i -> i.address().equals(selfRepl)).findFirst().orElse(null);
        String peerAddress = peerMainAddress(peer, peerRepl, hacf);

        String activeNode = activeNode(drbd, self, peer);
        List<Node> nodes = new ArrayList<>();
        // Physical machines are found by their MACs (the seed, the power-on prompt): this node's from its own links,
        // the peer's from this node's neighbour table. Cloned VMs get new MACs, so a libvirt config names none.
        boolean physical = workstation.provisioning() != null && !workstation.provisioning().isLibvirt();
        Map<String, String> neighbours = facts.get("ip-neigh").map(ConfigAssembler::neighbourMacs).orElse(Map.of());
        Node selfNode = new Node(self, main == null ? null : main.address(), selfRepl, Objects.equals(activeNode, self),
                physical ? macOf(main, "nodes[" + self + "].mac") : null,
                physical ? macOf(repl, "nodes[" + self + "].replicationMac") : null);
        Node peerNode = new Node(peer, peerAddress, peerRepl, Objects.equals(activeNode, peer),
                physical ? neighbourMac(neighbours, peerAddress, "nodes[" + peer + "].mac") : null,
                physical ? neighbourMac(neighbours, peerRepl, "nodes[" + peer + "].replicationMac") : null);
        // Keep a stable order: the nodes sorted by name, as an administrator would list them.
        if (self != null && peer != null && self.compareTo(peer) > 0) {
            nodes.add(peerNode);
            nodes.add(selfNode);
        } else {
            nodes.add(selfNode);
            nodes.add(peerNode);
        }

        Network network = new Network(domain().orElse(null), main == null ? null : main.network(), gateway,
                dns(), haresources.flatMap(HaResourcesFacts::serviceAddress).orElse(null),
                repl == null ? null : repl.network());
        TimeSettings time = new TimeSettings(ntpServers(), timezone().orElse(null));

        Storage storage = new StorageReading(facts, gaps).storage();
        Replication replication = replication(drbd, haresources);
        Heartbeat heartbeat = hacf == null ? null : new Heartbeat(hacf.udpPort(), hacf.keepalive(), hacf.warntime(),
                hacf.deadtime(), hacf.initdead(), hacf.autoFailback());
        Db2Reading db2Reading = new Db2Reading(facts, gaps, workstation.db2InstallImage());
        Db2 db2 = db2Reading.db2();
        Backup backup = db2Reading.backup();

        ClusterConfig config = new ClusterConfig(
                new ClusterConfig.ClusterInfo(clusterName(self, peer), "Reconstructed from " + self),
                workstation.management() != null ? workstation.management() : management(),
                workstation.access(), workstation.provisioning(), network, time, workstation.packages(),
                nodes, storage, replication, heartbeat, db2, backup);
        for (Map.Entry<String, String> f : facts.failures().entrySet()) {
            if (!OPTIONAL_FACTS.contains(f.getKey()) && unreadable.stream().noneMatch(u -> u.contains(f.getKey()))) {
                unreadable.add(f.getKey() + ": " + f.getValue());
            }
        }
        boolean db2Gap = facts.failures().keySet().stream().anyMatch(k -> k.startsWith("fenced:") || k.startsWith("dbdir:"));
        if (db2Gap && peer != null && peer.equals(activeNode)) {
            // The usual cause, found in the lab: reconstruct pointed at the standby, where DRBD is not mounted.
            unreadable.add("db2: " + self + " is the DRBD standby; the instances' homes and databases are on " + peer
                    + "'s DRBD filesystems — reconstruct from " + peer + " to read them");
        }
        return new Reconstruction(config, unreadable);
    }

    /** Facts whose absence is normal (no domain set, not run over SSH). */
    private static final List<String> OPTIONAL_FACTS = List.of("domain", "ssh-client");

    private void missing(String path, String fact) {
        gaps.missing(path, fact);
    }

    // --- nodes and network -------------------------------------------------------------------------------

    private String macOf(Interfaces.Link link, String path) {
        if (link == null || link.mac().isEmpty()) {
            unreadable.add(path + ": this node's link was not found among its interfaces");
            return null;
        }
        return link.mac();
    }

    private String neighbourMac(Map<String, String> neighbours, String address, String path) {
        String mac = address == null ? null : neighbours.get(address);
        if (mac == null) {
            unreadable.add(path + ": not in this node's neighbour table (ip neigh); read it on the peer (ip link)");
        }
        return mac;
    }

    /** {@code ip -json neigh show}: each neighbour's address → its MAC (entries without one, e.g. FAILED, left out). */
    static Map<String, String> neighbourMacs(String neighJson) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode n : JsonMapper.shared().readTree(neighJson)) {
            String mac = n.path("lladdr").asString("");
            if (!mac.isEmpty()) {
                out.put(n.path("dst").asString(""), mac);
            }
        }
        return out;
    }

    static Optional<String> defaultGateway(String routeJson) {
        for (JsonNode r : JsonMapper.shared().readTree(routeJson)) {
            if (r.path("dst").asString("").equals("default") && r.has("gateway")) {
                return Optional.of(r.path("gateway").asString());
            }
        }
        return Optional.empty();
    }

    static Optional<String> defaultDevice(String routeJson) {
        for (JsonNode r : JsonMapper.shared().readTree(routeJson)) {
            if (r.path("dst").asString("").equals("default")) {
                return Optional.of(r.path("dev").asString());
            }
        }
        return Optional.empty();
    }

    private String peerName(String self, HaCfFacts hacf, List<DrbdResourceFacts> drbd) {
        List<String> names = new ArrayList<>();
        if (hacf != null) {
            names.addAll(hacf.nodes());
        }
        drbd.forEach(r -> r.hosts().forEach(h -> names.add(h.name())));
        Optional<String> peer = names.stream().filter(n -> n != null && !n.equals(self)).findFirst();
        if (peer.isEmpty()) {
            unreadable.add("nodes[1].name: no peer named in ha.cf or the DRBD resources");
        }
        return peer.orElse(null);
    }

    private static String replicationAddress(List<DrbdResourceFacts> drbd, String node) {
        return drbd.stream().flatMap(r -> r.hosts().stream())
                .filter(h -> Objects.equals(h.name(), node) && h.address() != null)
                .map(DrbdResourceFacts.Host::address).findFirst().orElse(null);
    }

    private String peerMainAddress(String peer, String peerRepl, HaCfFacts hacf) {
        Optional<String> fromHosts = facts.get("hosts").flatMap(h -> hostsLookup(h, peer, peerRepl));
        if (fromHosts.isPresent()) {
            return fromHosts.get();
        }
        if (hacf != null) {
            Optional<String> ucast = hacf.ucasts().stream().map(HaCfFacts.Ucast::address)
                    .filter(a -> !a.equals(peerRepl)).findFirst();
            if (ucast.isPresent()) {
                return ucast.get();
            }
        }
        unreadable.add("nodes[1].address: the peer's address is neither in /etc/hosts nor in ha.cf");
        return null;
    }

    /** The address /etc/hosts gives a name (short or fully qualified), skipping the replication address. */
    static Optional<String> hostsLookup(String hosts, String name, String skip) {
        if (name == null) {
            return Optional.empty();
        }
        for (String raw : hosts.split("\n")) {
            String[] w = raw.replaceAll("#.*", "").strip().split("\\s+");
            if (w.length < 2 || w[0].equals(skip) || w[0].startsWith("127.") || w[0].contains(":")) {
                continue;
            }
            for (int i = 1; i < w.length; i++) {
                if (w[i].equals(name) || w[i].startsWith(name + ".")) {
                    return Optional.of(w[0]);
                }
            }
        }
        return Optional.empty();
    }

    /** The node holding DRBD Primary now, from this node's /proc/drbd (its role and its peer's, per resource). */
    private String activeNode(List<DrbdResourceFacts> drbd, String self, String peer) {
        ProcDrbd proc = facts.get(DrbdProbe.ROLES.name()).map(ProcDrbd::parse).orElse(null);
        for (DrbdResourceFacts r : drbd) {
            Optional<ProcDrbd.Minor> m = proc == null || r.minor() == null ? Optional.empty() : proc.minor(r.minor());
            if (m.isPresent()) {
                if (m.get().primary()) {
                    return self;
                }
                if ("Primary".equals(m.get().peerRole())) {
                    return peer;
                }
            }
        }
        unreadable.add("nodes[*].holdsValidData: no node is DRBD Primary now; marked " + self);
        return self;
    }

    private Optional<String> domain() {
        Optional<String> d = facts.get("domain").map(String::strip).filter(s -> !s.isEmpty());
        if (d.isPresent()) {
            return d;
        }
        return facts.get("resolv").flatMap(r -> r.lines().map(String::strip)
                .filter(l -> l.startsWith("search ") || l.startsWith("domain "))
                .map(l -> l.split("\\s+")[1]).findFirst());
    }

    private List<String> dns() {
        return facts.get("resolv").map(r -> r.lines().map(String::strip)
                .filter(l -> l.startsWith("nameserver "))
                .map(l -> l.split("\\s+")[1]).toList()).orElse(List.of());
    }

    private List<String> ntpServers() {
        if (facts.get("chrony").isEmpty()) {
            missing("time.ntpServers", "chrony");
            return List.of();
        }
        return facts.get("chrony").get().lines().map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> l.startsWith("server ") || l.startsWith("pool "))
                .map(l -> l.split("\\s+")[1]).toList();
    }

    private Optional<String> timezone() {
        return facts.get("timezone").map(String::strip).filter(s -> !s.isEmpty()).map(ConfigAssembler::canonicalZone);
    }

    /** timedatectl writes "Etc/UTC" for UTC; the config says "UTC" (the same zone, as an administrator writes it). */
    static String canonicalZone(String zone) {
        return switch (zone) {
            case "Etc/UTC", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "UCT", "Etc/UCT" -> "UTC";
            default -> zone;
        };
    }

    private ClusterConfig.Management management() {
        // Over SSH, the node sees the workstation's address; that is where a clone's nodes would call back.
        Optional<String> client = facts.get("ssh-client").map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.split("\\s+")[0]);
        if (client.isEmpty()) {
            unreadable.add("management.address: not on the nodes (give --management-address)");
            return null;
        }
        return new ClusterConfig.Management(client.get(), 8740);
    }

    private static String clusterName(String self, String peer) {
        if (self == null) {
            return null;
        }
        // sales-db1 + sales-db2 → sales-db: the common prefix without trailing digits and dashes.
        String p = peer == null ? self : commonPrefix(self, peer);
        String name = p.replaceAll("[-_.\\d]+$", "");
        return name.isEmpty() ? self : name;
    }

    private static String commonPrefix(String a, String b) {
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }

    // --- replication ------------------------------------------------------------------------------------

    static List<DrbdResourceFacts> drbdResources(String dump) {
        return DrbdResourceFacts.fromDump(dump);
    }

    private Replication replication(List<DrbdResourceFacts> drbd, Optional<HaResourcesFacts> haresources) {
        if (drbd.isEmpty()) {
            return null;
        }
        Map<Integer, Filesystem> fsByMinor = new LinkedHashMap<>();
        haresources.ifPresent(h -> h.byAgent("Filesystem").forEach(r -> {
            if (r.args().size() >= 3) {
                Matcher m = Pattern.compile("/dev/drbd(\\d+)").matcher(r.args().get(0));
                if (m.matches()) {
                    fsByMinor.put(Integer.valueOf(m.group(1)), new Filesystem(gaps.word(FilesystemType.class,
                            "replication.resources: " + r.args().get(0) + ": filesystem.type", r.args().get(2)),
                            r.args().get(1)));
                }
            }
        }));
        List<DrbdResource> resources = new ArrayList<>();
        for (DrbdResourceFacts r : drbd) {
            Filesystem fs = fsByMinor.get(r.minor());
            if (fs == null) {
                unreadable.add("replication.resources: " + r.name() + " has no Filesystem in haresources");
            }
            resources.add(new DrbdResource(r.name(), r.minor(), r.port(), r.backingVolume().orElse(r.disk()), fs));
        }
        // drbdadm dump lists resources by file name; haresources keeps the order the config gave them (Heartbeat starts
        // them in that order), so that order is the config's. Resources it does not name follow, by minor.
        List<String> started = haresources.map(h -> h.byAgent("drbddisk").stream()
                .filter(x -> !x.args().isEmpty()).map(x -> x.args().get(0)).toList()).orElse(List.of());
        resources.sort(java.util.Comparator.<DrbdResource>comparingInt(d -> started.contains(d.name())
                ? started.indexOf(d.name()) : Integer.MAX_VALUE).thenComparing(DrbdResource::minor));
        // How the first sync was done is history, not state: a clone starts with a full sync.
        return new Replication(gaps.word(DrbdProtocol.class, "replication.protocol", drbd.get(0).protocol()),
                InitialSync.FULL, resources);
    }


}
