package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema is generated from the config records, but its constraints sit in hand-written tables keyed by
 * {@code Record.component}: these tests hold the schema and the records to each other, both ways.
 */
class ConfigSchemaRecordsTest {
    private final JsonNode schema = JsonMapper.builder().build().readTree(new ConfigSchema().json());

    @Test
    void everyRecordComponentIsAPropertyOfTheSchemaAndEveryPropertyAComponent() {
        List<String> mismatches = new ArrayList<>();
        compare(ClusterConfig.class, schema, "", mismatches);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyConstraintOfTheSchemaNamesARecordComponent() {
        Set<String> components = new TreeSet<>();
        collect(ClusterConfig.class, components);
        assertThat(components).contains("Node.replicationMac", "Heartbeat.autoFailback");
        assertThat(ConfigSchema.constrainedComponents()).isSubsetOf(components);
    }

    /** Walks a record and its schema node side by side; lists what one has and the other lacks. */
    private static void compare(Class<?> record, JsonNode node, String path, List<String> mismatches) {
        JsonNode properties = node.path("properties");
        Set<String> inSchema = new TreeSet<>(properties.propertyNames());
        Set<String> inRecord = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            inRecord.add(c.getName());
            if (!properties.has(c.getName())) {
                mismatches.add(path + c.getName() + ": a component of " + record.getSimpleName() + ", not in the schema");
                continue;
            }
            Type type = c.getGenericType();
            JsonNode child = properties.get(c.getName());
            if (c.getType() == List.class) {
                type = ((ParameterizedType) type).getActualTypeArguments()[0];
                child = child.path("items");
            }
            if (type instanceof Class<?> k && k.isRecord()) {
                compare(k, child, path + c.getName() + ".", mismatches);
            }
        }
        inSchema.removeAll(inRecord);
        inSchema.forEach(extra -> mismatches.add(path + extra + ": in the schema, not a component of "
                + record.getSimpleName()));
    }

    private static void collect(Class<?> record, Set<String> out) {
        for (RecordComponent c : record.getRecordComponents()) {
            out.add(record.getSimpleName() + "." + c.getName());
            Type type = c.getType() == List.class
                    ? ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0] : c.getType();
            if (type instanceof Class<?> k && k.isRecord()) {
                collect(k, out);
            }
        }
    }
}
