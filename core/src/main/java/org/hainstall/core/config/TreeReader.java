package org.hainstall.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML (1.2: {@code no} and {@code on} stay text) or JSON into a {@link ConfigTree}, keeping line and column.
 * Streams tokens itself rather than using Jackson's tree so that duplicate keys are caught with their path and
 * every node knows where it was written.
 */
final class TreeReader {
    private final YAMLFactory yaml = YAMLFactory.builder().build();
    private final JsonFactory json = JsonFactory.builder().build();

    /** A parsed tree and its duplicated keys (the first of each is kept, so the rest can still be checked). */
    record Result(ConfigTree tree, List<Problem> duplicates) {}

    /** The tree, or a ConfigException with a CONFIG_SYNTAX or CONFIG_EMPTY problem. */
    Result read(String text, ConfigFormat format) throws ConfigException {
        List<Problem> duplicates = new ArrayList<>();
        ConfigTree root;
        try (JsonParser parser = format == ConfigFormat.JSON
                ? json.createParser(tools.jackson.core.ObjectReadContext.empty(), text)
                : yaml.createParser(tools.jackson.core.ObjectReadContext.empty(), new SurrogateSafeReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigException(Problem.error("", ProblemCode.CONFIG_EMPTY, "the config is empty."));
            }
            root = value(parser, "", duplicates);
            if (parser.nextToken() != null) {
                TokenStreamLocation at = parser.currentTokenLocation();
                throw new ConfigException(Problem.error("", ProblemCode.CONFIG_SYNTAX, at(at)
                        + ": more than one document; a config file holds exactly one."));
            }
        } catch (JacksonException e) {
            throw new ConfigException(Problem.error("", ProblemCode.CONFIG_SYNTAX, syntaxMessage(e, format)));
        } catch (RuntimeException e) {
            // A parser bug must not reach the admin as a stack trace: the text is what it could not read.
            throw new ConfigException(Problem.error("", ProblemCode.CONFIG_SYNTAX, "the " + format.name()
                    + " parser could not read this text (" + e.getClass().getSimpleName() + "); check it for "
                    + "unusual characters or structure."));
        }
        if (root instanceof ConfigTree.Scalar && ((ConfigTree.Scalar) root).isNull()) {
            throw new ConfigException(Problem.error("", ProblemCode.CONFIG_EMPTY, "the config is empty."));
        }
        return new Result(root, List.copyOf(duplicates));
    }

    private ConfigTree value(JsonParser p, String path, List<Problem> duplicates) throws ConfigException {
        TokenStreamLocation at = p.currentTokenLocation();
        if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
            // Jackson hands an alias over as the text of its name: refuse it rather than read "*x" as "x".
            throw new ConfigException(Problem.error(path, ProblemCode.CONFIG_SYNTAX, at(at)
                    + ": YAML aliases (*name) are not supported in a config; write the value out."));
        }
        int line = at.getLineNr();
        int col = at.getColumnNr();
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, ConfigTree.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    TokenStreamLocation keyAt = p.currentTokenLocation();
                    String childPath = path.isEmpty() ? Quote.escape(key) : path + "." + Quote.escape(key);
                    p.nextToken();
                    ConfigTree child = value(p, childPath, duplicates);
                    if (entries.containsKey(key)) {
                        ConfigTree.Entry earlier = entries.get(key);
                        duplicates.add(Problem.error(childPath, ProblemCode.CONFIG_DUPLICATE_KEY,
                                "key " + Quote.of(key) + " appears twice (" + at(keyAt) + ", first at line " + earlier.line()
                                        + "); a key may be given only once."));
                    } else {
                        entries.put(key, new ConfigTree.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), child));
                    }
                }
                return new ConfigTree.Obj(entries, line, col);
            }
            case START_ARRAY: {
                List<ConfigTree> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, path + "[" + items.size() + "]", duplicates));
                }
                return new ConfigTree.Arr(items, line, col);
            }
            case VALUE_STRING:
                return new ConfigTree.Scalar(p.getString(), p.getString(), line, col);
            case VALUE_NUMBER_INT: {
                String text = p.getString();
                Object number = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) text : p.getLongValue();
                return new ConfigTree.Scalar(number, text, line, col);
            }
            case VALUE_NUMBER_FLOAT:
                return new ConfigTree.Scalar(p.getDoubleValue(), p.getString(), line, col);
            case VALUE_TRUE:
                return new ConfigTree.Scalar(Boolean.TRUE, "true", line, col);
            case VALUE_FALSE:
                return new ConfigTree.Scalar(Boolean.FALSE, "false", line, col);
            case VALUE_NULL:
                return new ConfigTree.Scalar(null, "", line, col);
            default:
                // Embedded objects and the like never come out of text; treat as text so nothing is silently lost.
                return new ConfigTree.Scalar(p.getString(), p.getString(), line, col);
        }
    }

    private static String at(TokenStreamLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** "line 3, column 7: mapping values are not allowed here" — the parser's own words, without its echo. */
    private static String syntaxMessage(JacksonException e, ConfigFormat format) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        StringBuilder what = new StringBuilder();
        for (String line : original.split("\n")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.startsWith(" in ")) {
                continue; // snakeyaml echoes the source line and a caret; the location is reported separately
            }
            if (what.length() > 0) {
                what.append("; ");
            }
            what.append(line.strip());
        }
        if (what.length() == 0) {
            what.append("malformed ").append(format == ConfigFormat.JSON ? "JSON" : "YAML");
        }
        TokenStreamLocation location = e.getLocation();
        String prefix = location == null || location.getLineNr() < 1 ? "" : at(location) + ": ";
        return prefix + "malformed " + format.name() + ": " + what;
    }
}
