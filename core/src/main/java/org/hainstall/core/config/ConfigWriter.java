package org.hainstall.core.config;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a config as YAML or JSON. Keys come in the records' order (the example file's order); unset values are
 * left out. Reading the result back gives an equal config. Comments are not kept: the records do not hold them.
 */
public final class ConfigWriter {
    static final String YAML_HEADER = "# Written by hainstall. Comments of an earlier version of this file are not kept.\n";

    private final RecordMapper mapper = new RecordMapper();
    private final YAMLFactory yaml = YAMLFactory.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private final JsonFactory json = JsonFactory.builder().build();

    public String toYaml(ClusterConfig config) {
        StringWriter out = new StringWriter();
        out.write(YAML_HEADER);
        try (JsonGenerator gen = yaml.createGenerator(ObjectWriteContext.empty(), out)) {
            write(gen, mapper.toTree(config));
        }
        return out.toString();
    }

    public String toJson(ClusterConfig config) {
        StringWriter out = new StringWriter();
        ObjectWriteContext pretty = new ObjectWriteContext.Base() {
            @Override
            public tools.jackson.core.PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
            }
        };
        try (JsonGenerator gen = json.createGenerator(pretty, out)) {
            write(gen, mapper.toTree(config));
        }
        return out.append('\n').toString();
    }

    /**
     * Writes {@code file} atomically (a temporary file beside it, then a rename), as JSON when its name ends in
     * {@code .json} and YAML otherwise. The config holds no secrets, so ordinary permissions are right.
     */
    public void write(ClusterConfig config, Path file) throws IOException {
        String text = file.getFileName().toString().endsWith(".json") ? toJson(config) : toYaml(config);
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void write(JsonGenerator gen, ConfigTree tree) {
        if (tree instanceof ConfigTree.Obj) {
            gen.writeStartObject();
            for (Map.Entry<String, ConfigTree.Entry> e : ((ConfigTree.Obj) tree).entries().entrySet()) {
                gen.writeName(e.getKey());
                write(gen, e.getValue().value());
            }
            gen.writeEndObject();
        } else if (tree instanceof ConfigTree.Arr) {
            gen.writeStartArray();
            for (ConfigTree item : ((ConfigTree.Arr) tree).items()) {
                write(gen, item);
            }
            gen.writeEndArray();
        } else {
            Object value = ((ConfigTree.Scalar) tree).value();
            if (value == null) {
                gen.writeNull();
            } else if (value instanceof Boolean) {
                gen.writeBoolean((Boolean) value);
            } else if (value instanceof Long) {
                gen.writeNumber((Long) value);
            } else {
                gen.writeString(value.toString());
            }
        }
    }
}
