package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.node.Json;
import tools.jackson.databind.JsonNode;

/** {@code sfdisk --json DEV} (sizes in sectors). */
public record PartitionTable(String label, String device, long firstLba, long lastLba, long sectorSize,
                             List<Part> partitions) {

    public record Part(String node, long start, long size, String type) {
        public long end() {
            return start + size - 1;
        }

        /** Its number: what its node's name adds to its disk's (/dev/vdb1 → 1, /dev/nvme0n1p2 → 2); 0 if none. */
        public int number(String disk) {
            String digits = node.substring(Math.min(disk.length(), node.length())).replaceAll("\\D", "");
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        }

        /** A Linux LVM partition: GPT's type GUID, or MBR's type 8e. */
        public boolean isLvm() {
            return StorageLayout.GPT_LVM.equalsIgnoreCase(type) || "8e".equalsIgnoreCase(type);
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
