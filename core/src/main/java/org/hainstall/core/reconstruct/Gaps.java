package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.List;

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

    /** The live list, in the order the notes came. */
    List<String> notes() {
        return notes;
    }
}
