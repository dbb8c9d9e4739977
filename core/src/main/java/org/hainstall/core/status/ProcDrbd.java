package org.hainstall.core.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads DRBD 8.4's {@code /proc/drbd}: per minor the connection state, roles, disk states and sync progress. */
public final class ProcDrbd {
    private static final Pattern DEVICE = Pattern.compile(
            "^\\s*(\\d+):\\s+cs:(\\S+)\\s+ro:(\\S+)/(\\S+)\\s+ds:(\\S+)/(\\S+).*$");
    private static final Pattern SYNCED = Pattern.compile("sync'ed:\\s*([0-9.]+)%");

    private ProcDrbd() {
    }

    /** One DRBD device as the local node sees it. {@code syncPercent} is null when no sync runs. */
    public record Device(int minor, String connection, String localRole, String peerRole, String localDisk,
                         String peerDisk, Double syncPercent) {
        public boolean healthy() {
            return connection.equals("Connected") && localDisk.equals("UpToDate") && peerDisk.equals("UpToDate");
        }
    }

    public static List<Device> parse(String text) {
        List<Device> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = DEVICE.matcher(line);
            if (m.matches()) {
                out.add(new Device(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5),
                        m.group(6), null));
                continue;
            }
            Matcher s = SYNCED.matcher(line);
            if (s.find() && !out.isEmpty()) {
                Device last = out.remove(out.size() - 1);
                out.add(new Device(last.minor(), last.connection(), last.localRole(), last.peerRole(),
                        last.localDisk(), last.peerDisk(), Double.valueOf(s.group(1))));
            }
        }
        return List.copyOf(out);
    }
}
