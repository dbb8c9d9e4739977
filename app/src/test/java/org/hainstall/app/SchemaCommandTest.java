package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaCommandTest {
    @Test
    void printsTheConfigSchemaAsJson() {
        StringWriter out = new StringWriter();

        int status = Launcher.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "schema");

        assertThat(status).isZero();
        JsonNode schema = JsonMapper.builder().build().readTree(out.toString());
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("properties").has("nodes")).isTrue();
    }
}
