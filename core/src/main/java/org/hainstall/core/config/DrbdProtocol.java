package org.hainstall.core.config;

/** {@code replication.protocol}: when DRBD counts a write as done. */
public enum DrbdProtocol implements ConfigChoice {
    A("A", "asynchronous: written locally and sent"),
    B("B", "semi-synchronous: received by the peer"),
    C("C", "synchronous: written on both nodes (recommended)");

    private final String word;
    private final String description;

    DrbdProtocol(String word, String description) {
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
