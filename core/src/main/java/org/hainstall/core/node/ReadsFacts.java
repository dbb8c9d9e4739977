package org.hainstall.core.node;

import java.util.List;
import java.util.Map;

/** A step that reads node facts, and which: the first look at a node reads every step's facts at once. */
public interface ReadsFacts {

    /** Node name → the facts this step reads there. */
    Map<String, List<Fact>> factsByNode();

    /** Registers every fact these steps read with the run's snapshots. */
    static void expectAll(List<?> steps, NodeSnapshots snapshots) {
        for (Object s : steps) {
            if (s instanceof ReadsFacts r) {
                r.factsByNode().forEach(snapshots::expect);
            }
        }
    }
}
