package org.hainstall.core.plan;

/** Another run holds a node's lock (FAULTS 31): this run is refused before it changes anything. */
public class LockHeldException extends Exception {
    private final String node;
    private final LockOwner holder;

    public LockHeldException(String node, LockOwner holder, String message) {
        super(message);
        this.node = node;
        this.holder = holder;
    }

    public String node() {
        return node;
    }

    /** Null when the lock has no readable owner file. */
    public LockOwner holder() {
        return holder;
    }
}
