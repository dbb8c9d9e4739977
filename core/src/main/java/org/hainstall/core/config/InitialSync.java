package org.hainstall.core.config;

/** {@code replication.initialSync}: how the first primary's data reaches the peer. */
public enum InitialSync implements ConfigChoice {
    FULL("full", "copy every block to the peer"),
    SKIP("skip", "no copy: only for new, empty devices");

    private final String word;
    private final String description;

    InitialSync(String word, String description) {
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
