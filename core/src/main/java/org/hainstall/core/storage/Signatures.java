package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.node.Json;
import tools.jackson.databind.JsonNode;

/**
 * What is written on a block device, from two tools: {@code blkid -p -o export DEV} (low-level probe, exit 2 when
 * nothing is found) and {@code wipefs --no-act --json DEV} (every signature, including ones blkid hides behind
 * another, such as a filesystem at the start of a volume whose end carries DRBD metadata).
 */
public record Signatures(Map<String, String> blkid, List<Signature> wipefs) {

    public record Signature(String offset, String type) { }

    public Signatures {
        blkid = Map.copyOf(blkid);
        wipefs = List.copyOf(wipefs);
    }

    /**
     * @param blkidExit blkid's exit code: 0 found something, 2 found nothing; anything else is an error
     */
    public static Signatures parse(int blkidExit, String blkidExport, String wipefsJson) {
        Map<String, String> values = new LinkedHashMap<>();
        if (blkidExit == 0) {
            for (String line : blkidExport.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        } else if (blkidExit != 2) {
            throw new IllegalArgumentException("blkid -p failed with exit " + blkidExit);
        }
        values.remove("DEVNAME");
        // On a partition, blkid -p also reports the partition's own entry in its disk's table (PART_ENTRY_SCHEME,
        // _TYPE, _UUID…): that describes where the partition is, not what is written on it (seen on the lab's VMs).
        values.keySet().removeIf(k -> k.startsWith("PART_ENTRY_"));
        List<Signature> sigs = new ArrayList<>();
        if (wipefsJson != null && !wipefsJson.isBlank()) {
            for (JsonNode n : Json.parse("wipefs", wipefsJson).path("signatures")) {
                sigs.add(new Signature(Json.text(n, "offset"), Json.text(n, "type")));
            }
        }
        return new Signatures(values, sigs);
    }

    public static Signatures blank() {
        return new Signatures(Map.of(), List.of());
    }

    /** Nothing at all: no partition table, filesystem, PV, RAID or DRBD signature. */
    /**
     * The remedy of a refusal to touch {@code device} because of what it holds: wipe it when its data is not needed,
     * else {@code otherwise}. {@code device} is named as in the cause ("/dev/vdb", or "/dev/drbd0 on n1").
     */
    public static String wipeOr(String device, String otherwise) {
        return "if its data is not needed, wipe it (wipefs -a " + device + ") and run again; otherwise " + otherwise;
    }

    public boolean isBlank() {
        return blkid.isEmpty() && wipefs.isEmpty();
    }

    /** The filesystem/usage type blkid reports (ext4, LVM2_member, drbd…), or null. */
    public String type() {
        return blkid.get("TYPE");
    }

    /** The partition table type (gpt, dos), or null. */
    public String partitionTable() {
        return blkid.get("PTTYPE");
    }

    /** Every signature type wipefs lists, without duplicates (a GPT shows twice). */
    public List<String> types() {
        List<String> out = new ArrayList<>();
        for (Signature s : wipefs) {
            if (s.type() != null && !out.contains(s.type())) {
                out.add(s.type());
            }
        }
        String t = type();
        if (t != null && !out.contains(t)) {
            out.add(t);
        }
        String pt = partitionTable();
        if (pt != null && !out.contains(pt)) {
            out.add(pt);
        }
        return out;
    }

    /** Signature types other than the given ones (e.g. anything but "drbd" on a DRBD backing volume). */
    public List<String> typesOtherThan(String... ignored) {
        List<String> out = new ArrayList<>(types());
        for (String i : ignored) {
            out.remove(i);
        }
        return out;
    }

    /** For refusals: "gpt partition table", "ext4 signature", … */
    public String describe() {
        return isBlank() ? "nothing" : String.join(", ", types()) + " signature" + (types().size() > 1 ? "s" : "");
    }
}
