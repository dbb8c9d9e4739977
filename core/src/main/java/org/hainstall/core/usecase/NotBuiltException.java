package org.hainstall.core.usecase;

/** A part the command needs is not built (or not wired) in this version: exit 3, nothing done. */
public final class NotBuiltException extends RuntimeException {
    public NotBuiltException(String what) {
        super(what + " is not built yet in this version");
    }
}
