package org.hainstall.core.config;

/** {@code filesystem.type} of a logical volume or a DRBD resource: what mkfs makes. */
public enum FilesystemType implements ConfigChoice {
    EXT4("ext4", "ext4 (recommended)"),
    EXT3("ext3", "ext3"),
    XFS("xfs", "XFS");

    private final String word;
    private final String description;

    FilesystemType(String word, String description) {
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
