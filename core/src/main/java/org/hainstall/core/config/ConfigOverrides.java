package org.hainstall.core.config;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --set PATH=VALUE}: replaces single values of a config, with the same path syntax as problems
 * ({@code nodes[1].address}, {@code heartbeat.udpPort}, {@code replication.resources[0].port},
 * {@code time.ntpServers[0]}; indexes count from 0).
 *
 * <p>The value is typed by the field it lands in: a whole number, {@code true}/{@code false}, text, or for a list of
 * text a comma-separated list ({@code time.ntpServers=a.example,b.example}). An empty value removes the setting.
 * A missing section on the way is created ({@code packages.localRepository=/srv/debs}); a list index must exist.
 * A path that names no field, or a value of the wrong type, is an error naming it; nothing is half-applied.
 */
public final class ConfigOverrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)((?:\\[\\d{1,6}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,6})]");

    private final RecordMapper mapper = new RecordMapper();
    private final ConfigLoader loader = new ConfigLoader();

    public ClusterConfig apply(ClusterConfig config, List<String> assignments) throws ConfigException {
        ConfigTree tree = mapper.toTree(config);
        List<Problem> problems = new ArrayList<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                problems.add(Problem.error(Quote.escape(assignment), ProblemCode.CONFIG_OVERRIDE_SYNTAX,
                        Quote.of(assignment) + " is not PATH=VALUE (for example nodes[1].address=192.168.122.22)."));
                continue;
            }
            String path = assignment.substring(0, eq).strip();
            String value = assignment.substring(eq + 1);
            try {
                tree = set(tree, ClusterConfig.class, parse(path), 0, path, value);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return loader.fromTree(tree);
    }

    /** One step of a path: a key, then zero or more list indexes. */
    private record Step(String key, List<Integer> indexes) {}

    private static List<Step> parse(String path) throws ConfigException {
        List<Step> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new ConfigException(Problem.error(Quote.escape(path), ProblemCode.CONFIG_OVERRIDE_SYNTAX,
                        Quote.of(path) + " is not a config path (keys separated by dots, list indexes in brackets: "
                                + "nodes[1].address)."));
            }
            List<Integer> indexes = new ArrayList<>();
            Matcher im = INDEX.matcher(m.group(2));
            while (im.find()) {
                indexes.add(Integer.parseInt(im.group(1)));
            }
            steps.add(new Step(m.group(1), indexes));
        }
        return steps;
    }

    /** Returns {@code tree} (a section of {@code type}) with the value at steps[at..] replaced. */
    private ConfigTree set(ConfigTree tree, Class<?> type, List<Step> steps, int at, String path, String value)
            throws ConfigException {
        Step step = steps.get(at);
        RecordMapper.RecordShape shape = mapper.shape(type);
        Type fieldType = shape.typeOf(step.key());
        if (fieldType == null) {
            String message = "no such setting: " + Quote.of(step.key()) + " is not a key here";
            message += Suggest.closest(step.key(), shape.names()).map(s -> "; did you mean " + Quote.of(s) + "?").orElse(".");
            throw new ConfigException(Problem.error(path, ProblemCode.CONFIG_OVERRIDE_PATH, message));
        }
        Map<String, ConfigTree.Entry> entries = new LinkedHashMap<>(
                tree instanceof ConfigTree.Obj ? ((ConfigTree.Obj) tree).entries() : Map.of());
        ConfigTree.Entry existing = entries.get(step.key());
        ConfigTree child = existing == null ? null : existing.value();
        ConfigTree replaced = setInField(child, fieldType, step.indexes(), 0, steps, at, path, value);
        entries.put(step.key(), new ConfigTree.Entry(step.key(), 0, 0, replaced));
        return new ConfigTree.Obj(reorder(entries, shape), 0, 0);
    }

    private ConfigTree setInField(ConfigTree current, Type type, List<Integer> indexes, int level, List<Step> steps,
                                  int at, String path, String value) throws ConfigException {
        Class<?> raw = RecordMapper.raw(type);
        if (level < indexes.size()) {
            int index = indexes.get(level);
            if (raw != List.class) {
                throw new ConfigException(Problem.error(path, ProblemCode.CONFIG_OVERRIDE_PATH,
                        Quote.of(steps.get(at).key()) + " is not a list, so it takes no [" + index + "]."));
            }
            List<ConfigTree> items = current instanceof ConfigTree.Arr
                    ? new ArrayList<>(((ConfigTree.Arr) current).items()) : new ArrayList<>();
            if (index >= items.size()) {
                throw new ConfigException(Problem.error(path, ProblemCode.CONFIG_OVERRIDE_PATH,
                        Quote.of(steps.get(at).key()) + " has " + items.size() + " entries, so index " + index
                                + " does not exist (indexes count from 0)."));
            }
            items.set(index, setInField(items.get(index), RecordMapper.elementType(type), indexes, level + 1,
                    steps, at, path, value));
            return new ConfigTree.Arr(items, 0, 0);
        }
        if (at + 1 < steps.size()) {
            if (!raw.isRecord()) {
                throw new ConfigException(Problem.error(path, ProblemCode.CONFIG_OVERRIDE_PATH,
                        Quote.of(steps.get(at).key()) + " is " + RecordMapper.expected(raw) + ", not a section with keys."));
            }
            return set(current, raw, steps, at + 1, path, value);
        }
        return scalar(type, path, value);
    }

    private static ConfigTree scalar(Type type, String path, String value) throws ConfigException {
        Class<?> raw = RecordMapper.raw(type);
        if (value.isEmpty()) {
            return new ConfigTree.Scalar(null, "", 0, 0);
        }
        if (raw == String.class) {
            return new ConfigTree.Scalar(value, value, 0, 0);
        }
        if (raw.isEnum()) {
            // The word as typed: reading the tree back names a word outside the set with its path.
            return new ConfigTree.Scalar(value.strip(), value.strip(), 0, 0);
        }
        if (raw == Integer.class) {
            try {
                long n = Integer.parseInt(value.strip());
                return new ConfigTree.Scalar(n, value.strip(), 0, 0);
            } catch (NumberFormatException e) {
                throw wrongType(path, "a whole number", value);
            }
        }
        if (raw == Boolean.class) {
            if (value.strip().equals("true") || value.strip().equals("false")) {
                return new ConfigTree.Scalar(Boolean.valueOf(value.strip()), value.strip(), 0, 0);
            }
            throw wrongType(path, "true or false", value);
        }
        if (raw == List.class && RecordMapper.elementType(type) == String.class) {
            List<ConfigTree> items = new ArrayList<>();
            for (String item : value.split(",", -1)) {
                items.add(new ConfigTree.Scalar(item.strip(), item.strip(), 0, 0));
            }
            return new ConfigTree.Arr(items, 0, 0);
        }
        throw new ConfigException(Problem.error(path, ProblemCode.CONFIG_OVERRIDE_PATH,
                Quote.of(path) + " holds several settings; --set takes one value at a time (for example "
                        + (raw == List.class ? path + "[0]." : path + ".") + "NAME=VALUE)."));
    }

    private static ConfigException wrongType(String path, String expected, String value) {
        return new ConfigException(Problem.error(path, ProblemCode.CONFIG_WRONG_TYPE,
                "expected " + expected + ", got " + Quote.of(value) + "."));
    }

    /** Keys in the records' order, so a section created by --set is written like any other. */
    private static Map<String, ConfigTree.Entry> reorder(Map<String, ConfigTree.Entry> entries,
                                                          RecordMapper.RecordShape shape) {
        Map<String, ConfigTree.Entry> ordered = new LinkedHashMap<>();
        for (String name : shape.names()) {
            if (entries.containsKey(name)) {
                ordered.put(name, entries.get(name));
            }
        }
        return ordered;
    }
}
