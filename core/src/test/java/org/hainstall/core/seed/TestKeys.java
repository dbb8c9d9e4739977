package org.hainstall.core.seed;

import java.security.SecureRandom;
import org.hainstall.core.secrets.KeyGenerator;

/**
 * Throwaway keys made at test time with core's own key generator (nothing committed): seed tests get real
 * ed25519 keys in the OpenSSH formats the installer writes, so a test can look for them byte for byte.
 */
public final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyGenerator KEYS = new KeyGenerator(RANDOM);

    private TestKeys() {
    }

    /** A fresh ed25519 public key as an OpenSSH line. */
    public static String ed25519PublicLine(String comment) {
        return KEYS.ed25519().publicKeyLine(comment);
    }

    /** A fresh ed25519 private key file, as the secrets folder holds one. */
    public static byte[] privateKeyFile() {
        return KEYS.ed25519().toOpenSshPrivateKey("test");
    }

    public static CallbackToken token() {
        return CallbackToken.generate(RANDOM);
    }
}
