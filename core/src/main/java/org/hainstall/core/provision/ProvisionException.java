package org.hainstall.core.provision;

import java.util.List;

/** Provisioning refused or failed. The message names the node and the config path or libvirt object at fault. */
public class ProvisionException extends Exception {
    private final List<String> problems;

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    public ProvisionException(String message) {
        this(message, null);
    }

    /** Every problem found before anything was changed (a refusal lists them all, not just the first). */
    public ProvisionException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
