package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hainstall.core.node.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code lsblk --json -b -o NAME,PATH,TYPE,SIZE,FSTYPE,MOUNTPOINT,PKNAME DEV}: the device and everything stacked
 * on it (partitions, LVM volumes, DRBD devices appear as children). FSTYPE comes from udev and may be null;
 * signatures are read with {@link Signatures} instead.
 */
public record BlockDevices(List<BlockDevice> devices) {

    public record BlockDevice(String name, String path, String type, long size, String fstype, String mountpoint,
                              List<BlockDevice> children) {
        public BlockDevice {
            children = List.copyOf(children);
        }

        /** This device and every device stacked on it, depth first. */
        public List<BlockDevice> flatten() {
            List<BlockDevice> all = new ArrayList<>();
            all.add(this);
            for (BlockDevice child : children) {
                all.addAll(child.flatten());
            }
            return all;
        }
    }

    public BlockDevices {
        devices = List.copyOf(devices);
    }

    public static BlockDevices parse(String json) {
        JsonNode root = Json.parse("lsblk", json);
        return new BlockDevices(list(root.path("blockdevices")));
    }

    private static List<BlockDevice> list(JsonNode array) {
        List<BlockDevice> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(new BlockDevice(Json.text(n, "name"), Json.text(n, "path"), Json.text(n, "type"),
                    Json.number(n, "size"), Json.text(n, "fstype"), Json.text(n, "mountpoint"),
                    list(n.path("children"))));
        }
        return out;
    }

    public Optional<BlockDevice> find(String path) {
        return devices.stream().flatMap(d -> d.flatten().stream()).filter(d -> path.equals(d.path())).findFirst();
    }
}
