package org.hainstall.core.db2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DB2's command output, for the steps, status and reconstruct alike. Layouts as the real DB2 prints them.
 */
public final class Db2OutputParser {
    private static final Pattern ENTRY = Pattern.compile("(?m)^\\s*Database \\d+ entry:\\s*$");
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(.+?)\\s*(?:\\([A-Z_]+\\))?\\s*=\\s*(.*?)\\s*$");

    private Db2OutputParser() {
    }

    /** One entry of {@code db2 list database directory}. */
    public record DirectoryEntry(String alias, String name, String localDirectory, String entryType) { }

    /** Entries of {@code db2 list database directory}; empty for "SQL1057W … directory is empty". */
    public static List<DirectoryEntry> databaseDirectory(String output) {
        List<DirectoryEntry> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(output);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.end());
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : output.length();
            Map<String, String> fields = keyValues(output.substring(starts.get(i), end));
            entries.add(new DirectoryEntry(fields.get("Database alias"), fields.get("Database name"),
                    fields.get("Local database directory"), fields.get("Directory entry type")));
        }
        return List.copyOf(entries);
    }

    /** {@code key = value} lines, e.g. of {@code db2 get db cfg for DB}: "Database code set" → "UTF-8". */
    public static Map<String, String> keyValues(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher kv = KEY_VALUE.matcher(line);
            if (kv.matches()) {
                out.putIfAbsent(kv.group(1).strip(), kv.group(2));
            }
        }
        return out;
    }

    /** Instance names from {@code db2ilist}: one per line. */
    public static List<String> instanceList(String output) {
        List<String> names = new ArrayList<>();
        for (String line : output.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && s.matches("[a-z][a-z0-9]{0,7}")) {
                names.add(s);
            }
        }
        return List.copyOf(names);
    }

    /** The databases an instance's directory names, upper case as DB2 compares them. */
    public static List<String> databaseNames(String output) {
        return databaseDirectory(output).stream().map(DirectoryEntry::name).filter(java.util.Objects::nonNull)
                .map(n -> n.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    /** Instance name → instance path (HOME/sqllib) from {@code db2greg -dump} "I," records. */
    public static Map<String, String> registryInstances(String dump) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : dump.split("\n")) {
            String[] f = line.strip().split(",", -1);
            if (f.length >= 5 && "I".equals(f[0])) {
                out.put(f[3], f[4]);
            }
        }
        return out;
    }
}
