package org.hainstall.core.usecase;

/** Why a run did not start or did not finish; its message is a sentence shown to the admin as it is. */
public final class RunFailedException extends Exception {
    public RunFailedException(String message) {
        super(message);
    }
}
