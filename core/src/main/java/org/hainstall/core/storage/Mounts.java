package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hainstall.core.node.Json;
import tools.jackson.databind.JsonNode;

/** {@code findmnt --json --list -o TARGET,SOURCE,FSTYPE}: what is mounted where. */
public record Mounts(List<Mount> mounts) {

    public record Mount(String target, String source, String fstype) { }

    public Mounts {
        mounts = List.copyOf(mounts);
    }

    public static Mounts parse(String json) {
        List<Mount> out = new ArrayList<>();
        for (JsonNode n : Json.parse("findmnt", json).path("filesystems")) {
            out.add(new Mount(Json.text(n, "target"), Json.text(n, "source"), Json.text(n, "fstype")));
        }
        return new Mounts(out);
    }

    public Optional<Mount> at(String target) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.target().equals(target)) {
                found = m; // the last one listed is the one on top
            }
        }
        return Optional.ofNullable(found);
    }

    /** The mount that holds {@code path}: the longest mount point that is a prefix of it. */
    public Optional<Mount> holding(String path) {
        Mount best = null;
        for (Mount m : mounts) {
            String t = m.target();
            boolean under = path.equals(t) || t.equals("/") || path.startsWith(t.endsWith("/") ? t : t + "/");
            if (under && (best == null || t.length() >= best.target().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }
}
