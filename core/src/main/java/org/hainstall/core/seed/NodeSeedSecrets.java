package org.hainstall.core.seed;

import java.util.Objects;

/**
 * One node's secrets for its seed, handed over by core/secrets: the node's own SSH host key pair (the private key
 * as the OpenSSH file's bytes, the public key as its one-line form) and its one-time call-back token.
 * {@link #toString()} never shows the private key or the token.
 */
public record NodeSeedSecrets(byte[] hostPrivateKey, String hostPublicKey, CallbackToken token) {
    public NodeSeedSecrets {
        Objects.requireNonNull(hostPrivateKey, "hostPrivateKey");
        Objects.requireNonNull(hostPublicKey, "hostPublicKey");
        Objects.requireNonNull(token, "token");
        hostPrivateKey = hostPrivateKey.clone();
    }

    @Override
    public byte[] hostPrivateKey() {
        return hostPrivateKey.clone();
    }

    public String hostKeyFingerprint() {
        return HostKeyFingerprint.of(hostPublicKey);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "NodeSeedSecrets[hostPublicKey=" + hostPublicKey + ", private key and token redacted]";
    }
}
