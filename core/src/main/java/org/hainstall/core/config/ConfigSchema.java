package org.hainstall.core.config;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON Schema (draft 2020-12) of the config file, generated from the records so it cannot drift from what the
 * loader accepts: every section closed to unknown keys, types as the loader checks them, the fixed word lists the
 * validator uses, what it requires, its counts (exactly two nodes) and its allow-lists as patterns. Editors use it
 * to complete and check a config; the validator stays the authority on meaning (uniqueness, subnets, cross-field
 * rules), and the schema never refuses what the validator accepts.
 */
public final class ConfigSchema {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /**
     * What the validator requires, by record (its VALUE_REQUIRED checks). Never more: a config the validator accepts
     * must satisfy the schema (ConfigSchemaTest removes each of these from the example and sees the validator refuse).
     */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("ClusterConfig", List.of("cluster", "management", "access", "provisioning", "network", "nodes",
                    "storage", "replication", "heartbeat", "db2", "backup", "time")),
            Map.entry("ClusterInfo", List.of("name")),
            Map.entry("Management", List.of("address", "callbackPort")),
            Map.entry("Access", List.of("user", "port")),
            Map.entry("Provisioning", List.of("kind")),
            Map.entry("Libvirt", List.of("uri", "stub", "storagePool", "network", "replicationNetwork")),
            Map.entry("Network", List.of("domain", "subnet", "replicationSubnet", "gateway", "serviceAddress")),
            Map.entry("Node", List.of("name", "address", "replicationAddress")),
            Map.entry("Disk", List.of("device")),
            Map.entry("Partition", List.of("number", "size", "type")),
            Map.entry("VolumeGroup", List.of("name", "physicalVolumes")),
            Map.entry("LogicalVolume", List.of("name", "size")),
            Map.entry("Filesystem", List.of("type", "mountPoint")),
            Map.entry("Replication", List.of("protocol", "initialSync", "resources")),
            Map.entry("DrbdResource", List.of("name", "minor", "port", "backingVolume")),
            Map.entry("Heartbeat", List.of("udpPort", "keepalive", "warntime", "deadtime", "initdead")),
            Map.entry("Db2", List.of("installPath", "installImage", "instances")),
            Map.entry("Db2Instance", List.of("name", "owner", "fencedUser", "port", "home")),
            Map.entry("Database", List.of("name", "path")),
            Map.entry("Backup", List.of("target", "schedule", "retentionDays")),
            Map.entry("TimeSettings", List.of("ntpServers", "timezone")));

    /** List sizes the validator enforces: [minItems, maxItems], -1 for no maximum. */
    private static final Map<String, int[]> COUNTS = Map.of(
            "ClusterConfig.nodes", new int[] {2, 2},
            "TimeSettings.ntpServers", new int[] {1, -1},
            "Replication.resources", new int[] {1, -1},
            "Db2.instances", new int[] {1, -1},
            "VolumeGroup.physicalVolumes", new int[] {1, -1});

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final String IPV4 = "^" + OCTET + "(\\." + OCTET + "){3}$";
    private static final String SUBNET = "^" + OCTET + "(\\." + OCTET + "){3}/([0-9]|[12][0-9]|3[0-2])$";
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String HOSTNAME = "^" + LABEL + "(\\." + LABEL + ")*$";
    private static final String USER = "^[a-z_][a-z0-9_-]{0,31}$";
    private static final String LVM = "^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,126}$";
    private static final String LIBVIRT_NAME = "^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$";
    private static final String PATH = "^(/[A-Za-z0-9_+-][A-Za-z0-9_.+-]*)+$";
    private static final String DEVICE = "^/dev/[a-z][a-z0-9]{0,31}$";
    private static final String SIZE = "^([0-9]{1,15}([KMGTkmgt][iI]?[bB]?|[bB])?|rest)$";
    private static final String DURATION = "^[0-9]{1,9}(ms|s|m|h)?$";
    private static final String DB2_DATABASE = "^[A-Za-z][A-Za-z0-9]{0,7}$";

    /**
     * The validator's allow-lists as patterns (ECMA-262 and Java alike), by record and component; for a list of
     * text, the pattern of its items. Each is as strict as the validator or looser, never stricter: what the
     * validator alone knows (reserved names, "..", the time-zone areas, cron ranges) stays its job.
     */
    private static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("ClusterInfo.name", "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"),
            Map.entry("Management.address", IPV4),
            Map.entry("Access.user", USER),
            Map.entry("Libvirt.uri", "^[a-z][a-z0-9+]*://[A-Za-z0-9._@:-]*(/[A-Za-z0-9._-]*)*(\\?[A-Za-z0-9=&._/-]*)?$"),
            Map.entry("Libvirt.stub", LIBVIRT_NAME),
            Map.entry("Libvirt.storagePool", LIBVIRT_NAME),
            Map.entry("Libvirt.network", LIBVIRT_NAME),
            Map.entry("Libvirt.replicationNetwork", LIBVIRT_NAME),
            Map.entry("Network.domain", HOSTNAME),
            Map.entry("Network.subnet", SUBNET),
            Map.entry("Network.replicationSubnet", SUBNET),
            Map.entry("Network.gateway", IPV4),
            Map.entry("Network.dns", IPV4),
            Map.entry("Network.serviceAddress", IPV4),
            Map.entry("TimeSettings.ntpServers", HOSTNAME),
            Map.entry("TimeSettings.timezone", "^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$"),
            Map.entry("Packages.localRepository", PATH),
            Map.entry("Node.name", HOSTNAME),
            Map.entry("Node.address", IPV4),
            Map.entry("Node.replicationAddress", IPV4),
            Map.entry("Node.mac", "^[0-9A-Fa-f][02468aceACE](:[0-9A-Fa-f]{2}){5}$"),
            Map.entry("Node.replicationMac", "^[0-9A-Fa-f][02468aceACE](:[0-9A-Fa-f]{2}){5}$"),
            Map.entry("Disk.device", DEVICE),
            Map.entry("Partition.size", SIZE),
            Map.entry("VolumeGroup.name", LVM),
            Map.entry("VolumeGroup.physicalVolumes", DEVICE),
            Map.entry("LogicalVolume.name", LVM),
            Map.entry("LogicalVolume.size", SIZE),
            Map.entry("Filesystem.mountPoint", "^(/|(/[A-Za-z0-9_+-][A-Za-z0-9_.+-]*)+)$"),
            Map.entry("Replication.peerConnectTimeout", DURATION),
            Map.entry("DrbdResource.name", "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"),
            Map.entry("DrbdResource.backingVolume", "^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,126}/[A-Za-z0-9_][A-Za-z0-9_.+-]{0,126}$"),
            Map.entry("Heartbeat.keepalive", DURATION),
            Map.entry("Heartbeat.warntime", DURATION),
            Map.entry("Heartbeat.deadtime", DURATION),
            Map.entry("Heartbeat.initdead", DURATION),
            Map.entry("Db2.installPath", PATH),
            Map.entry("Db2.installImage", PATH),
            Map.entry("Db2Instance.name", "^[a-z][a-z0-9]{0,7}$"),
            Map.entry("Db2Instance.owner", USER),
            Map.entry("Db2Instance.fencedUser", USER),
            Map.entry("Db2Instance.home", PATH),
            Map.entry("Database.name", DB2_DATABASE),
            Map.entry("Database.path", PATH),
            Map.entry("Database.codeset", "^[A-Za-z0-9][A-Za-z0-9-]{0,15}$"),
            Map.entry("Database.territory", "^([A-Za-z]{2,3}|[0-9]{1,3})$"),
            Map.entry("Backup.target", PATH),
            Map.entry("Backup.schedule", "^\\s*\\S+(\\s+\\S+){4}\\s*$"),
            Map.entry("Backup.databases", DB2_DATABASE));

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("ClusterInfo.name", "Names the VMs, the Heartbeat cluster and the secrets folder."),
            Map.entry("Management.address", "Where the nodes call back to after preparing themselves."),
            Map.entry("Access.user", "root, or a user with passwordless sudo."),
            Map.entry("Provisioning.kind", "libvirt: clone a VM stub; physical: the admin powers machines on."),
            Map.entry("Libvirt.stub", "An existing, shut-off domain to copy."),
            Map.entry("Network.serviceAddress", "Floating address that follows the active node."),
            Map.entry("Network.replicationSubnet", "Dedicated link for DRBD and Heartbeat; must not overlap subnet."),
            Map.entry("Packages.localRepository", "A folder of .deb files with a Packages index, carried on the seed ISO."),
            Map.entry("Node.name", "Equals the host's uname -n (RFC 1123)."),
            Map.entry("Node.holdsValidData", "DRBD's first primary, whose data wins the initial sync. Exactly one node."),
            Map.entry("Node.mac", "Optional for VMs (generated); required for physical machines."),
            Map.entry("Partition.size", "A size (512M, 20G) or \"rest\"."),
            Map.entry("LogicalVolume.size", "A size (512M, 20G) or \"rest\"."),
            Map.entry("DrbdResource.backingVolume", "volumeGroup/logicalVolume of the storage section."),
            Map.entry("Heartbeat.udpPort", "Not the default 694: several clusters share one subnet."),
            Map.entry("Heartbeat.keepalive", "A duration: 500ms, 2s, 1m."),
            Map.entry("Db2Instance.name", "At most 8 lowercase letters and digits; not starting with sql, ibm or sys."),
            Map.entry("Db2Instance.home", "Must lie on a replicated filesystem."),
            Map.entry("Database.name", "At most 8 letters and digits."),
            Map.entry("Backup.schedule", "Five-field cron schedule."),
            Map.entry("Backup.databases", "Every database must be covered."));

    private final RecordMapper mapper = new RecordMapper();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Every {@code Record.component} the hand-written tables above name. A test checks each against the records:
     * a renamed component would otherwise lose its constraint without a word.
     */
    static java.util.Set<String> constrainedComponents() {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        keys.addAll(COUNTS.keySet());
        keys.addAll(PATTERNS.keySet());
        keys.addAll(DESCRIPTIONS.keySet());
        REQUIRED.forEach((record, components) -> components.forEach(c -> keys.add(record + "." + c)));
        return keys;
    }

    /** The schema as pretty-printed JSON. */
    public String json() {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree()) + "\n";
    }

    ObjectNode tree() {
        ObjectNode root = json.createObjectNode();
        root.put("$schema", DIALECT);
        root.put("title", "hainstall cluster config");
        root.put("description", "A two-node DB2 HA cluster: DRBD replicates the storage, Heartbeat moves the service. "
                + "See examples/cluster.yaml.");
        root.setAll(describe(ClusterConfig.class, null));
        return root;
    }

    private ObjectNode describe(Type type, String key) {
        Class<?> raw = RecordMapper.raw(type);
        ObjectNode node = json.createObjectNode();
        if (raw.isRecord()) {
            node.put("type", "object");
            node.put("additionalProperties", false);
            ObjectNode properties = node.putObject("properties");
            RecordMapper.RecordShape shape = mapper.shape(raw);
            for (int i = 0; i < shape.names().size(); i++) {
                String name = shape.names().get(i);
                properties.set(name, describe(shape.types().get(i), raw.getSimpleName() + "." + name));
            }
            List<String> required = REQUIRED.getOrDefault(raw.getSimpleName(), List.of());
            if (!required.isEmpty()) {
                ArrayNode names = node.putArray("required");
                required.stream().filter(shape.names()::contains).forEach(names::add);
            }
            if (raw == ClusterConfig.Provisioning.class) {
                // libvirt's settings are needed when, and only when, VMs are cloned.
                ObjectNode condition = node.putObject("if");
                condition.putObject("properties").putObject("kind").put("const", ProvisioningKind.LIBVIRT.configValue());
                condition.putArray("required").add("kind");
                node.putObject("then").putArray("required").add("libvirt");
            }
        } else if (raw == List.class) {
            node.put("type", "array");
            node.set("items", describe(RecordMapper.elementType(type), key));
            int[] count = COUNTS.get(key);
            if (count != null) {
                node.put("minItems", count[0]);
                if (count[1] >= 0) {
                    node.put("maxItems", count[1]);
                }
            }
        } else if (raw == Integer.class) {
            node.put("type", "integer");
            String field = key == null ? "" : key.substring(key.indexOf('.') + 1);
            if (field.equals("port") || field.endsWith("Port")) {
                node.put("minimum", Checks.MIN_PORT);
                node.put("maximum", Checks.MAX_PORT);
            } else if (field.equals("minor")) {
                node.put("minimum", 0);
                node.put("maximum", ReplicationRules.MAX_MINOR);
            } else if (key.equals("Partition.number")) {
                node.put("minimum", 1);
                node.put("maximum", StorageRules.MAX_PARTITION);
            } else if (key.equals("Backup.retentionDays")) {
                node.put("minimum", 1);
            }
        } else if (raw == Boolean.class) {
            node.put("type", "boolean");
        } else if (raw.isEnum()) {
            // A closed set: the words of the component's own ConfigChoice enum.
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            ConfigChoice.valuesOf(raw.asSubclass(ConfigChoice.class)).forEach(values::add);
        } else {
            node.put("type", "string");
            if (PATTERNS.containsKey(key)) {
                node.put("pattern", PATTERNS.get(key));
            }
        }
        if (key != null && DESCRIPTIONS.containsKey(key)) {
            node.put("description", DESCRIPTIONS.get(key));
        }
        return node;
    }
}
