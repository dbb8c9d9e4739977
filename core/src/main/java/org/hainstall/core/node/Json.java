package org.hainstall.core.node;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON that node tools print; a tool's output that does not parse is a failure, never "empty". */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static JsonNode parse(String tool, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(tool + " printed no JSON");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(tool + " printed output that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A text field, null when missing or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }

    /** A number field that tools print either as a number or as a string ("0x438", "1073741824"). */
    public static long number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.asLong();
        }
        String s = v.isMissingNode() || v.isNull() ? "" : v.asString().strip();
        if (s.isEmpty()) {
            return 0;
        }
        if (s.startsWith("0x")) {
            return Long.parseLong(s.substring(2), 16);
        }
        return Long.parseLong(s.endsWith("B") ? s.substring(0, s.length() - 1) : s);
    }
}
