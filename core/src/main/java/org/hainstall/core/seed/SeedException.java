package org.hainstall.core.seed;

/** A seed could not be built; the message names the node and the config path or tool at fault. */
public class SeedException extends Exception {
    public SeedException(String message) {
        super(message);
    }

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
