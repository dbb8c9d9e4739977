package org.hainstall.core.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** OpenSSH's SHA256 fingerprint of a public key line ({@code ssh-ed25519 AAAA… comment}), as {@code ssh-keygen -l} prints it. */
public final class HostKeyFingerprint {
    private HostKeyFingerprint() {
    }

    public static String of(String openSshPublicKeyLine) {
        String[] parts = openSshPublicKeyLine.strip().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not an OpenSSH public key line (type and base64 blob expected)");
        }
        byte[] blob = Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
