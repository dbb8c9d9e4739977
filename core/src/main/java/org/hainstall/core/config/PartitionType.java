package org.hainstall.core.config;

/** {@code storage.disks[].partitions[].type}: the GPT partition type. */
public enum PartitionType implements ConfigChoice {
    LVM("lvm", "an LVM physical volume"),
    LINUX("linux", "a plain Linux partition"),
    SWAP("swap", "swap space");

    private final String word;
    private final String description;

    PartitionType(String word, String description) {
        this.word = word;
        this.description = description;
    }

    @Override
    public String configValue() {
        return word;
    }

    @Override
    public String description() {
        return description;
    }
}
