package org.hainstall.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed config document before it becomes records: objects, arrays and scalars, each remembering the line and
 * column it came from so that every later complaint (unknown key, wrong type) can point into the file.
 * Line and column are 0 for trees that were not read from text (built from records, or by {@code --set}).
 */
sealed interface ConfigTree {
    int line();

    int column();

    /** "line 3, column 5" or empty when the tree was not read from text. */
    default String where() {
        return line() > 0 ? "line " + line() + ", column " + column() : "";
    }

    record Obj(Map<String, Entry> entries, int line, int column) implements ConfigTree {
        public Obj {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** A key with where the key itself was written (for unknown-key messages) and its value. */
    record Entry(String key, int line, int column, ConfigTree value) {}

    record Arr(List<ConfigTree> items, int line, int column) implements ConfigTree {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar. {@code value} is a String, Long, Double, Boolean or null; {@code text} is how it was written
     * (so a number in a string field keeps its spelling).
     */
    record Scalar(Object value, String text, int line, int column) implements ConfigTree {
        boolean isNull() {
            return value == null;
        }
    }

    static String describe(ConfigTree tree) {
        if (tree instanceof Obj) {
            return "a section";
        }
        if (tree instanceof Arr) {
            return "a list";
        }
        Object v = ((Scalar) tree).value();
        if (v == null) {
            return "nothing (null)";
        }
        if (v instanceof Boolean) {
            return "true/false";
        }
        if (v instanceof Long) {
            return "a whole number";
        }
        if (v instanceof Double) {
            return "a decimal number";
        }
        return "text";
    }
}
