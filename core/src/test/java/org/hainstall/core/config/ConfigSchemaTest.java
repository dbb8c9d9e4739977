package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ConfigSchemaTest {
    private final String schemaText = new ConfigSchema().json();
    private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schemaText, InputFormat.JSON);

    private List<Error> validate(String yaml) {
        return schema.validate(yaml, InputFormat.YAML);
    }

    @Test
    void declaresDraft2020() {
        assertThat(schemaText).contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\"");
    }

    @Test
    void acceptsTheExample() {
        assertThat(validate(Example.text())).isEmpty();
    }

    @Test
    void acceptsTheExampleAsWrittenByTheWriter() {
        assertThat(schema.validate(new ConfigWriter().toJson(Example.config()), InputFormat.JSON)).isEmpty();
    }

    @Test
    void rejectsAnUnknownKey() {
        List<Error> errors = validate(Example.text().replace("    address: 192.168.122.12", "    adress: 192.168.122.12"));

        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).getInstanceLocation().toString()).contains("nodes").contains("1");
    }

    @Test
    void rejectsAWrongTypeAnUnknownWordAndAPortOutOfRange() {
        assertThat(validate(Example.text().replace("udpPort: 6940", "udpPort: high"))).isNotEmpty();
        assertThat(validate(Example.text().replace("protocol: C", "protocol: D"))).isNotEmpty();
        assertThat(validate(Example.text().replace("udpPort: 6940", "udpPort: 70000"))).isNotEmpty();
    }

    @Test
    void coversEveryRecordField() {
        assertThat(schemaText).contains("\"replicationMac\"", "\"localRepository\"", "\"autoFailback\"", "\"territory\"");
    }

    // --- issue 17, point 12: required, counts, patterns and enums, checked by a real JSON Schema validator ---

    /** Problems an editor with the schema must show too: the schema expresses each of them exactly. */
    private static final Set<ProblemCode> SCHEMA_CATCHES = Set.of(ProblemCode.CONFIG_UNKNOWN_KEY,
            ProblemCode.CONFIG_WRONG_TYPE, ProblemCode.VALUE_REQUIRED, ProblemCode.NODE_COUNT,
            ProblemCode.CLUSTER_NAME_INVALID, ProblemCode.HOSTNAME_INVALID, ProblemCode.USER_NAME_INVALID,
            ProblemCode.DRBD_NAME_INVALID, ProblemCode.DB2_DATABASE_NAME_INVALID, ProblemCode.DB2_DATABASE_OPTION_INVALID,
            ProblemCode.LIBVIRT_URI_INVALID, ProblemCode.LIBVIRT_NAME_INVALID, ProblemCode.DEVICE_INVALID,
            ProblemCode.MAC_INVALID, ProblemCode.ADDRESS_INVALID, ProblemCode.PORT_OUT_OF_RANGE,
            ProblemCode.PARTITION_TYPE_UNKNOWN, ProblemCode.FILESYSTEM_TYPE_UNKNOWN,
            ProblemCode.REPLICATION_PROTOCOL_INVALID, ProblemCode.REPLICATION_INITIAL_SYNC_INVALID,
            ProblemCode.PROVISIONING_KIND_UNKNOWN, ProblemCode.SIZE_INVALID, ProblemCode.DURATION_INVALID,
            ProblemCode.DRBD_MINOR_INVALID, ProblemCode.PARTITION_NUMBER_INVALID, ProblemCode.BACKUP_RETENTION_INVALID);

    @Test
    void acceptsTheExampleHereAndTheSharedOne() throws Exception {
        Path shared = Example.path().getParent().getParent().getParent().resolve("shared/examples/cluster.yaml");
        List<Path> examples = new ArrayList<>(List.of(Example.path()));
        if (Files.isRegularFile(shared)) {
            examples.add(shared);
        }
        for (Path example : examples) {
            assertThat(validate(Files.readString(example))).as(example.toString()).isEmpty();
        }
    }

    @Test
    void rejectsAnEmptyConfigANodeWithoutAnAddressAndThreeNodes() {
        assertThat(schema.validate("{}", InputFormat.JSON)).isNotEmpty();
        assertThat(validate(Example.text().replace("    address: 192.168.122.12\n", ""))).isNotEmpty();
        assertThat(validate(Example.text().replace("  - name: sales-db2\n", "  - name: sales-db3\n    address: "
                + "192.168.122.13\n    replicationAddress: 10.10.0.13\n  - name: sales-db2\n"))).isNotEmpty();
        assertThat(validate(Example.text().replace("    address: 192.168.122.12", "    address: 192.168.122.256")))
                .isNotEmpty();
    }

    /**
     * Every case of the broken-config corpus through the schema: a case the validator finds no error in passes
     * (the schema never refuses what hainstall accepts), and a case with a problem the schema can express fails.
     */
    @Test
    void catchesEveryDocumentedWrongConfigItCanExpressAndNoValidOne() throws Exception {
        int caught = 0;
        int cases = 0;
        for (var arguments : BrokenConfigCorpusTest.cases().toList()) {
            Object[] a = arguments.get();
            String name = (String) a[0];
            BrokenConfigCorpusTest.Edited edited = BrokenConfigCorpusTest.edit((String) a[1]);
            String expected = (String) a[2];
            List<Error> errors = schemaErrors(edited);
            if (errors == null) {
                continue; // malformed text: nothing for a schema to see
            }
            cases++;
            boolean expressible = SCHEMA_CATCHES.stream().anyMatch(code -> expected.contains(" " + code));
            boolean validatorErrors = hasValidatorErrors(edited);
            if (!validatorErrors) {
                assertThat(errors).as(name + ": valid for hainstall, so valid for the schema").isEmpty();
            } else if (expressible) {
                assertThat(errors).as(name + ": " + expected).isNotEmpty();
            }
            if (!errors.isEmpty()) {
                caught++;
            }
        }
        assertThat(cases).isGreaterThan(100);
        assertThat(caught).as("cases the schema catches").isGreaterThanOrEqualTo(45);
    }

    /** Removing any value the schema requires makes the validator refuse the example too (never the other way). */
    @Test
    void requiresNothingTheValidatorDoesNotRequire() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode schemaTree = json.readTree(schemaText);
        JsonNode example = json.readTree(new ConfigWriter().toJson(Example.config()));
        List<String> checked = new ArrayList<>();
        requiredAt(schemaTree, example, example, "", checked, json);

        assertThat(checked).hasSizeGreaterThan(40).contains("nodes[1].address", "management.address", "nodes");
    }

    private void requiredAt(JsonNode schemaNode, JsonNode instance, JsonNode root, String path, List<String> checked,
                            JsonMapper json) throws Exception {
        if (instance.isObject()) {
            for (JsonNode name : schemaNode.path("required")) {
                String child = path.isEmpty() ? name.asString() : path + "." + name.asString();
                JsonNode copy = root.deepCopy();
                remove(copy, child);
                ConfigLoader.Result read = new ConfigLoader().read(json.writeValueAsString(copy), ConfigFormat.JSON);
                assertThat(new ConfigValidator().validate(read)).as("without " + child)
                        .anySatisfy(p -> assertThat(p.isError() && (p.path().equals(child)
                                || p.path().startsWith(child + ".") || p.path().startsWith(child + "["))).isTrue());
                checked.add(child);
            }
            for (var property : instance.properties()) {
                JsonNode sub = schemaNode.path("properties").path(property.getKey());
                String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                requiredAt(sub, property.getValue(), root, child, checked, json);
            }
        } else if (instance.isArray()) {
            for (int i = 0; i < instance.size(); i++) {
                requiredAt(schemaNode.path("items"), instance.get(i), root, path + "[" + i + "]", checked, json);
            }
        }
    }

    /** Removes the value at a path such as {@code nodes[1].address} from a JSON tree. */
    private static void remove(JsonNode root, String path) {
        JsonNode parent = root;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.endsWith("]")) {
            JsonNode list = ((ObjectNode) parent).get(last.substring(0, last.indexOf('[')));
            ((tools.jackson.databind.node.ArrayNode) list).remove(index(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    private static JsonNode step(JsonNode node, String step) {
        int bracket = step.indexOf('[');
        return bracket < 0 ? node.get(step) : node.get(step.substring(0, bracket)).get(index(step));
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
    }

    /** The schema's errors for a corpus case, or null when its text does not parse. */
    private List<Error> schemaErrors(BrokenConfigCorpusTest.Edited edited) {
        ConfigLoader.Result read;
        try {
            read = new ConfigLoader().read(edited.text(), ConfigFormat.YAML);
        } catch (ConfigException malformed) {
            return null;
        }
        if (edited.sets().isEmpty()) {
            return validate(edited.text());
        }
        try {
            ClusterConfig config = new ConfigOverrides().apply(read.config(), edited.sets());
            return schema.validate(new ConfigWriter().toJson(config), InputFormat.JSON);
        } catch (ConfigException wrongSet) {
            return null;
        }
    }

    private static boolean hasValidatorErrors(BrokenConfigCorpusTest.Edited edited) {
        try {
            ConfigLoader.Result read = new ConfigLoader().read(edited.text(), ConfigFormat.YAML);
            ClusterConfig config = new ConfigOverrides().apply(read.config(), edited.sets());
            return new ConfigValidator().validate(new ConfigLoader.Result(config, read.problems())).stream()
                    .anyMatch(Problem::isError);
        } catch (ConfigException e) {
            return true;
        }
    }
}
