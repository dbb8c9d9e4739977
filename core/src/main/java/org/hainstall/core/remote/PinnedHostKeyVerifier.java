package org.hainstall.core.remote;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.hainstall.core.secrets.SshPublicKey;

/** Accepts exactly one host key, the pinned one; remembers what else was offered for the error message. */
final class PinnedHostKeyVerifier implements HostKeyVerifier {
    private final SshPublicKey pinned;
    private volatile SshPublicKey rejected;

    PinnedHostKeyVerifier(SshPublicKey pinned) {
        this.pinned = pinned;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        SshPublicKey offered;
        try {
            offered = SshKeys.fromJava(key);
        } catch (RuntimeException e) {
            rejected = null;
            return false;
        }
        if (offered.equals(pinned)) {
            return true;
        }
        rejected = offered;
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        // Ask for the pinned key's type first, so a server with several host keys shows the pinned one.
        return SshKeys.algorithmsFor(pinned.type());
    }

    /** The key the server offered instead of the pinned one, if that is why the connection failed. */
    SshPublicKey rejected() {
        return rejected;
    }
}
