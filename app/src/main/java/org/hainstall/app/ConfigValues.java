package org.hainstall.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A config as its leaves, each under its {@code --set} path ({@code nodes[1].address}) with the value as the config
 * file writes it ({@code UTC}, {@code 22}, {@code true}): what {@code diff} compares and prints. Built from core's
 * own writer, so it shows exactly what a saved file would hold and leaves out what a file leaves out.
 */
final class ConfigValues {
    /** One value that differs: {@code a} or {@code b} is null where that config has no such value. */
    record Difference(String path, String a, String b) {
        String line() {
            return path + ": " + shown(a) + " ≠ " + shown(b);
        }

        private static String shown(String v) {
            return v == null ? "(not set)" : v;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConfigWriter writer = new ConfigWriter();

    /** Every leaf value of {@code config}, in the file's order. */
    Map<String, String> of(ClusterConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", JSON.readTree(writer.toJson(config)), out);
        return out;
    }

    /** The paths whose values differ, in the order the first config (then the second) has them. */
    List<Difference> differences(ClusterConfig a, ClusterConfig b) {
        Map<String, String> x = of(a);
        Map<String, String> y = of(b);
        Set<String> paths = new LinkedHashSet<>(x.keySet());
        paths.addAll(y.keySet());
        List<Difference> out = new ArrayList<>();
        for (String p : paths) {
            if (!java.util.Objects.equals(x.get(p), y.get(p))) {
                out.add(new Difference(p, x.get(p), y.get(p)));
            }
        }
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.isString() ? node.stringValue() : node.toString());
        }
    }
}
