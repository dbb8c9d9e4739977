package org.hainstall.core.heartbeat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the config needs of Heartbeat's {@code /etc/ha.d/ha.cf}: port, timings, auto_failback, nodes and the
 * peers it talks to. Heartbeat's own rules: {@code #} starts a comment, a directive is a word followed by
 * values, and {@code udpport} only counts when it comes before the first {@code ucast}/{@code bcast}/{@code mcast}.
 */
public record HaCfFacts(Integer udpPort, String keepalive, String warntime, String deadtime, String initdead,
                        Boolean autoFailback, List<String> nodes, List<Ucast> ucasts, List<String> notes) {

    public record Ucast(String device, String address) { }

    public static HaCfFacts parse(String text) {
        Integer udpPort = null;
        String keepalive = null;
        String warntime = null;
        String deadtime = null;
        String initdead = null;
        Boolean autoFailback = null;
        List<String> nodes = new ArrayList<>();
        List<Ucast> ucasts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean sawMedia = false;
        for (String raw : text.split("\n")) {
            String line = raw.replaceAll("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] w = line.split("\\s+");
            String key = w[0].toLowerCase(Locale.ROOT);
            String value = w.length > 1 ? w[1] : null;
            switch (key) {
                case "udpport" -> {
                    if (sawMedia) {
                        notes.add("ha.cf: 'udpport " + value + "' comes after a ucast/bcast line; Heartbeat ignores it");
                    } else if (value != null && value.matches("\\d{1,5}")) {
                        udpPort = Integer.valueOf(value);
                    }
                }
                case "keepalive" -> keepalive = withUnit(value);
                case "warntime" -> warntime = withUnit(value);
                case "deadtime" -> deadtime = withUnit(value);
                case "initdead" -> initdead = withUnit(value);
                case "auto_failback" -> autoFailback = value == null ? null
                        : switch (value.toLowerCase(Locale.ROOT)) {
                            case "on", "true", "yes", "1" -> Boolean.TRUE;
                            case "off", "false", "no", "0", "legacy" -> Boolean.FALSE;
                            default -> null;
                        };
                case "node" -> {
                    for (int i = 1; i < w.length; i++) {
                        nodes.add(w[i]);
                    }
                }
                case "ucast" -> {
                    sawMedia = true;
                    if (w.length >= 3) {
                        ucasts.add(new Ucast(w[1], w[2]));
                    }
                }
                case "bcast", "mcast", "serial" -> sawMedia = true;
                default -> { }
            }
        }
        if (udpPort == null && notes.isEmpty()) {
            udpPort = 694; // Heartbeat's default when ha.cf names none
        }
        return new HaCfFacts(udpPort, keepalive, warntime, deadtime, initdead, autoFailback, List.copyOf(nodes),
                List.copyOf(ucasts), List.copyOf(notes));
    }

    /** Heartbeat reads a bare number as seconds and also accepts "500ms"; the config always writes a unit. */
    private static String withUnit(String value) {
        if (value == null) {
            return null;
        }
        return value.matches("\\d+") ? value + "s" : value;
    }
}
