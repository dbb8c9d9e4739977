package org.hainstall.core.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a {@link ConfigTree} onto the config records and back, by the records' own components, so a field added to a
 * record is read, written, overridden and described in the schema without touching this class.
 * Reading is strict: unknown keys and wrong types become problems naming their path; all of them are collected.
 * The config records use only String, Integer, Boolean, the {@link ConfigChoice} enums, List and nested records.
 */
final class RecordMapper {
    private final ClassValue<RecordShape> shapes = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

    RecordShape shape(Class<?> recordType) {
        return shapes.get(recordType);
    }

    /** Tree → value of {@code type}; problems are added, and a value that could not be read becomes null. */
    Object read(ConfigTree tree, Type type, String path, List<Problem> problems) {
        if (tree instanceof ConfigTree.Scalar && ((ConfigTree.Scalar) tree).isNull()) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            if (!(tree instanceof ConfigTree.Obj)) {
                problems.add(wrongType(path, "a section of keys", tree));
                return null;
            }
            return readRecord((ConfigTree.Obj) tree, raw, path, problems);
        }
        if (raw == List.class) {
            if (!(tree instanceof ConfigTree.Arr)) {
                problems.add(wrongType(path, "a list", tree));
                return null;
            }
            Type element = elementType(type);
            List<ConfigTree> items = ((ConfigTree.Arr) tree).items();
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(read(items.get(i), element, path + "[" + i + "]", problems));
            }
            return out;
        }
        if (!(tree instanceof ConfigTree.Scalar)) {
            problems.add(wrongType(path, expected(raw), tree));
            return null;
        }
        ConfigTree.Scalar scalar = (ConfigTree.Scalar) tree;
        Object value = scalar.value();
        if (raw == String.class) {
            if (value instanceof Boolean) {
                problems.add(wrongType(path, "text", tree));
                return null;
            }
            return value instanceof String ? value : scalar.text();
        }
        if (raw == Integer.class) {
            if (value instanceof Long && (Long) value >= Integer.MIN_VALUE && (Long) value <= Integer.MAX_VALUE) {
                return ((Long) value).intValue();
            }
            problems.add(wrongType(path, "a whole number", tree));
            return null;
        }
        if (raw == Boolean.class) {
            if (value instanceof Boolean) {
                return value;
            }
            problems.add(wrongType(path, "true or false", tree));
            return null;
        }
        if (raw.isEnum() && ConfigChoice.class.isAssignableFrom(raw)) {
            Class<? extends ConfigChoice> words = raw.asSubclass(ConfigChoice.class);
            Optional<? extends ConfigChoice> word = ConfigChoice.parse(words, scalar.text());
            if (word.isEmpty()) {
                problems.add(ConfigChoice.unknownWord(words, path, scalar.text()));
            }
            return word.orElse(null);
        }
        throw new IllegalStateException("config records may not use " + type);
    }

    private Object readRecord(ConfigTree.Obj obj, Class<?> type, String path, List<Problem> problems) {
        RecordShape shape = shape(type);
        Object[] args = new Object[shape.names().size()];
        for (ConfigTree.Entry entry : obj.entries().values()) {
            // An unknown key is named in the problem's path too: escaped, as in any message.
            String key = Quote.escape(entry.key());
            String childPath = path.isEmpty() ? key : path + "." + key;
            int index = shape.names().indexOf(entry.key());
            if (index < 0) {
                problems.add(unknownKey(childPath, entry, shape));
                continue;
            }
            args[index] = read(entry.value(), shape.types().get(index), childPath, problems);
        }
        return shape.create(args);
    }

    private static Problem unknownKey(String path, ConfigTree.Entry entry, RecordShape shape) {
        StringBuilder message = new StringBuilder("unknown key ").append(Quote.of(entry.key()));
        if (entry.line() > 0) {
            message.append(" at line ").append(entry.line()).append(", column ").append(entry.column());
        }
        message.append(Suggest.closest(entry.key(), shape.names()).map(s -> "; did you mean " + Quote.of(s) + "?").orElse("."));
        return Problem.error(path, ProblemCode.CONFIG_UNKNOWN_KEY, message.toString());
    }

    private static Problem wrongType(String path, String expected, ConfigTree found) {
        String what = ConfigTree.describe(found);
        if (found instanceof ConfigTree.Scalar && !((ConfigTree.Scalar) found).isNull()) {
            what += " " + Quote.of(((ConfigTree.Scalar) found).text());
        }
        String where = found.where().isEmpty() ? "" : " (" + found.where() + ")";
        return Problem.error(path, ProblemCode.CONFIG_WRONG_TYPE, "expected " + expected + ", found " + what + where + ".");
    }

    static String expected(Class<?> raw) {
        if (raw == Integer.class) {
            return "a whole number";
        }
        if (raw == Boolean.class) {
            return "true or false";
        }
        if (raw == List.class) {
            return "a list";
        }
        if (raw.isRecord()) {
            return "a section of keys";
        }
        if (raw.isEnum()) {
            return "one of " + String.join(", ", ConfigChoice.valuesOf(raw.asSubclass(ConfigChoice.class)));
        }
        return "text";
    }

    /** Value → tree (no locations); nulls are left out so a written file holds only what is set. */
    ConfigTree toTree(Object value) {
        if (value == null) {
            return new ConfigTree.Scalar(null, "", 0, 0);
        }
        if (value instanceof Record) {
            RecordShape shape = shape(value.getClass());
            Map<String, ConfigTree.Entry> entries = new LinkedHashMap<>();
            for (int i = 0; i < shape.names().size(); i++) {
                Object child = shape.get(value, i);
                if (child != null) {
                    String name = shape.names().get(i);
                    entries.put(name, new ConfigTree.Entry(name, 0, 0, toTree(child)));
                }
            }
            return new ConfigTree.Obj(entries, 0, 0);
        }
        if (value instanceof List) {
            List<ConfigTree> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(toTree(item));
            }
            return new ConfigTree.Arr(items, 0, 0);
        }
        if (value instanceof Integer) {
            return new ConfigTree.Scalar(((Integer) value).longValue(), value.toString(), 0, 0);
        }
        if (value instanceof ConfigChoice choice) {
            return new ConfigTree.Scalar(choice.configValue(), choice.configValue(), 0, 0);
        }
        return new ConfigTree.Scalar(value, value.toString(), 0, 0);
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class) {
            return (Class<?>) type;
        }
        return (Class<?>) ((ParameterizedType) type).getRawType();
    }

    static Type elementType(Type listType) {
        return ((ParameterizedType) listType).getActualTypeArguments()[0];
    }

    /** A record's component names and types, in declaration order (which is also the written key order). */
    record RecordShape(List<String> names, List<Type> types, List<RecordComponent> components, Constructor<?> constructor) {
        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            List<String> names = new ArrayList<>();
            List<Type> types = new ArrayList<>();
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names.add(components[i].getName());
                types.add(components[i].getGenericType());
                raw[i] = components[i].getType();
            }
            try {
                return new RecordShape(List.copyOf(names), List.copyOf(types), List.of(components),
                        type.getDeclaredConstructor(raw));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + type, e);
            }
        }

        Type typeOf(String name) {
            int i = names.indexOf(name);
            return i < 0 ? null : types.get(i);
        }

        Object create(Object[] args) {
            try {
                return constructor.newInstance(args);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getSimpleName(), e);
            }
        }

        Object get(Object record, int index) {
            try {
                return components.get(index).getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + components.get(index), e);
            }
        }
    }
}
