package org.hainstall.app;

/** A part the command needs is not built (or not wired) in this version: exit 3, nothing done. */
final class NotBuiltException extends RuntimeException {
    NotBuiltException(String what) {
        super(what + " is not built yet in this version");
    }
}
