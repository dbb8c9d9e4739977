package org.hainstall.core.config;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON Schema (draft 2020-12) of the config file, generated from the records so it cannot drift from what the
 * loader accepts: every section closed to unknown keys, types as the loader checks them, and the fixed word lists
 * the validator uses. Editors use it to complete and check a config; the validator stays the authority on meaning.
 */
public final class ConfigSchema {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** Fixed words, by record and component, shared with the rules that check them. */
    private static final Map<String, List<String>> ENUMS = Map.of(
            "Provisioning.kind", GeneralRules.PROVISIONING_KINDS,
            "Replication.protocol", ReplicationRules.PROTOCOLS,
            "Replication.initialSync", ReplicationRules.INITIAL_SYNCS,
            "Partition.type", StorageRules.PARTITION_TYPES,
            "Filesystem.type", FilesystemRules.TYPES);

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
        } else if (raw == List.class) {
            node.put("type", "array");
            node.set("items", describe(RecordMapper.elementType(type), key));
        } else if (raw == Integer.class) {
            node.put("type", "integer");
            String field = key == null ? "" : key.substring(key.indexOf('.') + 1);
            if (field.equals("port") || field.endsWith("Port")) {
                node.put("minimum", Checks.MIN_PORT);
                node.put("maximum", Checks.MAX_PORT);
            } else if (field.equals("minor")) {
                node.put("minimum", 0);
                node.put("maximum", ReplicationRules.MAX_MINOR);
            }
        } else if (raw == Boolean.class) {
            node.put("type", "boolean");
        } else {
            node.put("type", "string");
            List<String> words = ENUMS.get(key);
            if (words != null) {
                ArrayNode values = node.putArray("enum");
                words.forEach(values::add);
            }
        }
        if (key != null && DESCRIPTIONS.containsKey(key)) {
            node.put("description", DESCRIPTIONS.get(key));
        }
        return node;
    }
}
