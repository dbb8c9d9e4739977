package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ConfigChoice;
import org.hainstall.core.config.Quote;

/** What a reconstruction could not read, each note naming the config path it leaves empty and why. */
final class Gaps {
    private final NodeFacts facts;
    private final List<String> notes = new ArrayList<>();

    Gaps(NodeFacts facts) {
        this.facts = facts;
    }

    /** A fact was not read: names the config path it would have filled and the reason the read gave. */
    void missing(String path, String fact) {
        notes.add(path + ": not read (" + facts.failures().getOrDefault(fact, "no output") + ")");
    }

    void note(String note) {
        notes.add(note);
    }

    /**
     * The config's word for {@code live}, a value read on the node ({@code ext4}, DRBD's {@code C}); null, with a
     * note naming {@code path}, when it is a word hainstall does not set up (a btrfs filesystem, say): the admin
     * fills it in, and validation says the value is missing until then.
     */
    <E extends Enum<E> & ConfigChoice> E word(Class<E> type, String path, String live) {
        if (live == null) {
            return null;
        }
        java.util.Optional<E> word = ConfigChoice.parse(type, live);
        if (word.isEmpty()) {
            notes.add(path + ": the node has " + ConfigChoice.setName(type) + " " + Quote.of(live) + ", which"
                    + " hainstall does not set up (it knows " + String.join(", ", ConfigChoice.valuesOf(type)) + ")");
        }
        return word.orElse(null);
    }

    /** The live list, in the order the notes came. */
    List<String> notes() {
        return notes;
    }
}
