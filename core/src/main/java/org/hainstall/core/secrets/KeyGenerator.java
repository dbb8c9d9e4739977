package org.hainstall.core.secrets;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Makes fresh keys and random secrets from one {@link SecureRandom}. */
public final class KeyGenerator {
    private final SecureRandom random;

    public KeyGenerator() {
        this(new SecureRandom());
    }

    public KeyGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A new ed25519 key pair (the JDK's own implementation; Java 15+). */
    public SshKeyPair ed25519() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            KeyPair pair = generator.generateKeyPair();
            // X.509 SubjectPublicKeyInfo and PKCS#8 both end with the raw 32-byte key for ed25519.
            byte[] spki = pair.getPublic().getEncoded();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] publicKey = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
            try {
                return new SshKeyPair(publicKey, seed, random.nextInt());
            } finally {
                Arrays.fill(seed, (byte) 0);
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make ed25519 keys", e);
        }
    }

    /** {@code bytes} random bytes as lowercase hex. */
    public String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        try {
            return HexFormat.of().formatHex(value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }
}
