package org.hainstall.core.seed;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/** Throwaway keys made at test time (the real ones come from core/secrets). Never committed. */
public final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** A fresh ed25519 public key as an OpenSSH line. */
    public static String ed25519PublicLine(String comment) {
        try {
            byte[] x509 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(blob);
            byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
            out.writeInt(type.length);
            out.write(type);
            out.writeInt(raw.length);
            out.write(raw);
            return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " " + comment;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stand-in private key file bytes: random, so that a test can look for them byte for byte. */
    public static byte[] privateKeyFile() {
        byte[] secret = new byte[96];
        RANDOM.nextBytes(secret);
        return ("-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(secret)
                + "\n-----END OPENSSH PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static CallbackToken token() {
        return CallbackToken.generate(RANDOM);
    }
}
