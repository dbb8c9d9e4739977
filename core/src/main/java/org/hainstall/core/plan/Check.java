package org.hainstall.core.plan;

import java.util.List;

/** What a step's check decided. */
public sealed interface Check {

    /** Already as the config asks; nothing to do. */
    record Satisfied(String summary) implements Check { }

    /**
     * Something to do. {@code actions} are exactly the commands and files {@link Step#apply} will run or write,
     * so a dry run prints them.
     */
    record Change(String description, List<Action> actions) implements Check {
        public Change {
            actions = List.copyOf(actions);
        }
    }

    static Satisfied satisfied(String summary) {
        return new Satisfied(summary);
    }

    static Change change(String description, List<Action> actions) {
        return new Change(description, actions);
    }
}
