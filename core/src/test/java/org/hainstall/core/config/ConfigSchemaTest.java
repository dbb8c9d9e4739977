package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
