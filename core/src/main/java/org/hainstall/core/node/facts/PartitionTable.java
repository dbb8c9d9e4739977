package org.hainstall.core.node.facts;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code sfdisk --json DEV} (sizes in sectors). */
public record PartitionTable(String label, String device, long firstLba, long lastLba, long sectorSize,
                             List<Part> partitions) {

    public record Part(String node, long start, long size, String type) {
        public long end() {
            return start + size - 1;
        }
    }

    public PartitionTable {
        partitions = List.copyOf(partitions);
    }

    public static PartitionTable parse(String json) {
        JsonNode t = Json.parse("sfdisk", json).path("partitiontable");
        if (t.isMissingNode()) {
            throw new IllegalArgumentException("sfdisk --json printed no partitiontable");
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : t.path("partitions")) {
            parts.add(new Part(Json.text(p, "node"), Json.number(p, "start"), Json.number(p, "size"),
                    Json.text(p, "type")));
        }
        long sector = Json.number(t, "sectorsize");
        return new PartitionTable(Json.text(t, "label"), Json.text(t, "device"), Json.number(t, "firstlba"),
                Json.number(t, "lastlba"), sector == 0 ? 512 : sector, parts);
    }
}
