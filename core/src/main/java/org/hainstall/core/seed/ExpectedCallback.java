package org.hainstall.core.seed;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the server expects from one node: its token (HMAC key), the fingerprints of the host keys generated for it,
 * and how long the token stays valid (long enough for a person to power on a machine).
 */
public record ExpectedCallback(String node, CallbackToken token, Set<String> hostKeyFingerprints, Duration validFor) {
    public ExpectedCallback {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(token, "token");
        hostKeyFingerprints = Set.copyOf(hostKeyFingerprints);
        Objects.requireNonNull(validFor, "validFor");
    }
}
