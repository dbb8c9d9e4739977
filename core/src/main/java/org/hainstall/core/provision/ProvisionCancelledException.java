package org.hainstall.core.provision;

/** The run was cancelled (Ctrl-C, SIGTERM, the wizard's Cancel) while a call back was awaited. */
public final class ProvisionCancelledException extends ProvisionException {
    public ProvisionCancelledException(String message) {
        super(message);
    }
}
