package org.hainstall.core.drbd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cat /proc/drbd} of a DRBD 8.4 kernel module (the lab's guests run 8.4.11): one block per minor,
 * {@code " 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----"}, a counter line ending in
 * {@code oos:N} (KiB out of sync) and, while syncing, a {@code sync'ed: 12.1%} line. A minor that is not listed is
 * down.
 */
public record ProcDrbd(Map<Integer, Minor> minors) {

    public record Minor(int minor, String cstate, String role, String peerRole, String dstate, String peerDstate,
                        long outOfSyncKiB, Double syncedPercent) {
        public boolean configured() {
            return !"Unconfigured".equals(cstate);
        }

        public boolean connected() {
            return "Connected".equals(cstate);
        }

        public boolean primary() {
            return "Primary".equals(role);
        }

        public boolean upToDateBoth() {
            return connected() && "UpToDate".equals(dstate) && "UpToDate".equals(peerDstate);
        }

        public String summary() {
            return "cs:" + cstate + " ro:" + role + "/" + peerRole + " ds:" + dstate + "/" + peerDstate
                    + (syncedPercent == null ? "" : " sync'ed:" + syncedPercent + "%");
        }
    }

    private static final Pattern HEAD = Pattern.compile(
            "^\\s*(\\d+): cs:(\\S+)(?: ro:(\\S+?)/(\\S+))?(?: ds:(\\S+?)/(\\S+))?.*$");
    private static final Pattern OOS = Pattern.compile("\\boos:(\\d+)");
    private static final Pattern SYNCED = Pattern.compile("sync'ed:\\s*([0-9.]+)%");

    public ProcDrbd {
        minors = Map.copyOf(minors);
    }

    public static ProcDrbd parse(String text) {
        Map<Integer, Minor> out = new LinkedHashMap<>();
        Integer current = null;
        String[] head = null;
        long oos = 0;
        Double synced = null;
        for (String line : text.split("\n")) {
            Matcher h = HEAD.matcher(line);
            if (h.matches()) {
                if (current != null) {
                    out.put(current, minor(current, head, oos, synced));
                }
                current = Integer.parseInt(h.group(1));
                head = new String[] {h.group(2), h.group(3), h.group(4), h.group(5), h.group(6)};
                oos = 0;
                synced = null;
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher o = OOS.matcher(line);
            if (o.find()) {
                oos = Long.parseLong(o.group(1));
            }
            Matcher s = SYNCED.matcher(line);
            if (s.find()) {
                synced = Double.parseDouble(s.group(1));
            }
        }
        if (current != null) {
            out.put(current, minor(current, head, oos, synced));
        }
        return new ProcDrbd(out);
    }

    private static Minor minor(int n, String[] h, long oos, Double synced) {
        return new Minor(n, h[0], h[1], h[2], h[3], h[4], oos, synced);
    }

    /** The minor's state; empty when the minor is not configured (down). */
    public Optional<Minor> minor(int n) {
        Minor m = minors.get(n);
        return m == null || !m.configured() ? Optional.empty() : Optional.of(m);
    }
}
