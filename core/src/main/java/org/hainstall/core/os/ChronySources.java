package org.hainstall.core.os;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code chronyc -c -N sources}: CSV, one source a line — mode, state, name (as written in chrony.conf, thanks to
 * -N), stratum, poll, reach (octal register), … State {@code *} is the selected source; reach 0 means no reply yet.
 */
public record ChronySources(List<Source> sources) {

    public record Source(String mode, String state, String name, int reach) {
        public boolean reachable() {
            return reach != 0;
        }
    }

    public ChronySources {
        sources = List.copyOf(sources);
    }

    public static ChronySources parse(String csv) {
        List<Source> out = new ArrayList<>();
        for (String line : csv.split("\n")) {
            String[] f = line.strip().split(",");
            if (f.length >= 6) {
                out.add(new Source(f[0], f[1], f[2], Integer.parseInt(f[5].strip(), 8)));
            }
        }
        return new ChronySources(out);
    }

    public boolean synced() {
        return sources.stream().anyMatch(s -> "*".equals(s.state()));
    }

    /** The configured servers that have never answered (or are not listed at all). */
    public List<String> unreachable(List<String> servers) {
        List<String> out = new ArrayList<>();
        for (String server : servers) {
            boolean ok = sources.stream().anyMatch(s -> s.name().equals(server) && s.reachable());
            if (!ok) {
                out.add(server);
            }
        }
        return out;
    }
}
