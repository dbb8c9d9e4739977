package org.hainstall.core.remote;

/** Runs a command line as root: as it is for root, through {@code sudo -n sh -c '…'} for any other user. */
final class Sudo {
    private Sudo() {
    }

    /**
     * {@code -n}: never prompt for a password (a prompt would hang the run); a user without passwordless
     * sudo gets sudo's error and a non-zero exit instead.
     */
    static String wrap(String line, boolean root) {
        return root ? line : "sudo -n sh -c " + ShellQuote.quote(line);
    }
}
