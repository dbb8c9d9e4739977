package org.hainstall.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Buffer.PlainBuffer;

/**
 * An ed25519 key pair in the form SSH stores it. The private half is only ever written out by
 * {@link #toOpenSshPrivateKey(String)}; {@link #toString()} shows the public fingerprint and nothing else.
 *
 * <p>The SSH wire encoding (uint32, string) is sshj's {@link Buffer}. The {@code openssh-key-v1} layout is written
 * here rather than by BouncyCastle's {@code OpenSSHPrivateKeyUtil} (on the class path through sshj), for a measured
 * reason: BouncyCastle 1.80 writes an empty comment and draws a new random check-int on every call (two encodings
 * of one key differ), so a key written twice would not be the same file, and the comment that {@code ssh-keygen -l}
 * shows (whose key this is) would be lost. Twenty lines of layout keep both.
 */
public final class SshKeyPair {
    static final String ED25519 = "ssh-ed25519";
    private static final String MAGIC = "openssh-key-v1\0";
    /** The PEM type of OpenSSH's key format; the armour lines are built from it (no key text lives in source). */
    static final String PEM_TYPE = "OPENSSH " + "PRIVATE KEY";
    /** The armour of the OpenSSH private key format (tests and the secrets scan derive theirs from these). */
    static final String BEGIN = "-----BEGIN " + PEM_TYPE + "-----";
    static final String END = "-----END " + PEM_TYPE + "-----";

    private final byte[] publicKey;
    private final byte[] seed;
    private final int checkInt;

    /**
     * @param publicKey the 32-byte ed25519 public key
     * @param seed      the 32-byte ed25519 private seed
     * @param checkInt  the random "checkint" OpenSSH writes twice into the private section
     */
    SshKeyPair(byte[] publicKey, byte[] seed, int checkInt) {
        if (publicKey.length != 32 || seed.length != 32) {
            throw new IllegalArgumentException("an ed25519 key has 32-byte halves");
        }
        this.publicKey = publicKey.clone();
        this.seed = seed.clone();
        this.checkInt = checkInt;
    }

    public SshPublicKey publicKey() {
        return new SshPublicKey(ED25519, new PlainBuffer().putString(ED25519).putString(publicKey).getCompactData());
    }

    /** {@code "ssh-ed25519 <base64> <comment>"}, the content of the {@code .pub} file. */
    public String publicKeyLine(String comment) {
        String line = publicKey().line();
        return comment == null || comment.isBlank() ? line : line + " " + comment.strip();
    }

    public String fingerprint() {
        return publicKey().fingerprint();
    }

    /**
     * The private key in OpenSSH's own format ({@code openssh-key-v1}, unencrypted), the format
     * {@code ssh-keygen -y -f} and sshd read. A secret: write it only to a 0600 file.
     */
    public byte[] toOpenSshPrivateKey(String comment) {
        byte[] privateKey = new byte[64];
        System.arraycopy(seed, 0, privateKey, 0, 32);
        System.arraycopy(publicKey, 0, privateKey, 32, 32);
        PlainBuffer secret = new PlainBuffer()
                .putUInt32FromInt(checkInt).putUInt32FromInt(checkInt)
                .putString(ED25519).putString(publicKey).putString(privateKey)
                .putString(comment == null ? "" : comment);
        // Padding 1, 2, 3… up to the cipher's block size (8 for "none").
        for (int pad = 1; secret.available() % 8 != 0; pad++) {
            secret.putByte((byte) pad);
        }
        byte[] secretBytes = secret.getCompactData();
        Arrays.fill(secret.array(), (byte) 0);
        byte[] body = new PlainBuffer()
                .putRawBytes(MAGIC.getBytes(StandardCharsets.US_ASCII))
                .putString("none").putString("none").putString(new byte[0])
                .putUInt32FromInt(1)
                .putString(publicKey().blob())
                .putString(secretBytes)
                .getCompactData();
        Arrays.fill(privateKey, (byte) 0);
        Arrays.fill(secretBytes, (byte) 0);
        String base64 = Base64.getEncoder().encodeToString(body);
        StringBuilder pem = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < base64.length(); i += 70) {
            pem.append(base64, i, Math.min(base64.length(), i + 70)).append('\n');
        }
        pem.append(END).append('\n');
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads an unencrypted ed25519 key in OpenSSH's format (what {@link #toOpenSshPrivateKey} writes). */
    public static SshKeyPair fromOpenSshPrivateKey(byte[] pemBytes) {
        String pem = new String(pemBytes, StandardCharsets.US_ASCII).strip();
        if (!pem.startsWith(BEGIN) || !pem.endsWith(END)) {
            throw new IllegalArgumentException("not an OpenSSH private key");
        }
        String base64 = pem.substring(BEGIN.length(), pem.length() - END.length()).replaceAll("\\s", "");
        try {
            return parse(new PlainBuffer(Base64.getDecoder().decode(base64)));
        } catch (Buffer.BufferException e) {
            throw new IllegalArgumentException("malformed SSH key data: " + e.getMessage(), e);
        }
    }

    private static SshKeyPair parse(PlainBuffer body) throws Buffer.BufferException {
        byte[] magic = new byte[MAGIC.length()];
        body.readRawBytes(magic);
        if (!Arrays.equals(magic, MAGIC.getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("not an openssh-key-v1 private key");
        }
        if (!body.readString().equals("none") || !body.readString().equals("none")) {
            throw new IllegalArgumentException("encrypted private keys are not supported here");
        }
        body.readStringAsBytes();
        if (body.readUInt32AsInt() != 1) {
            throw new IllegalArgumentException("want exactly one key in the file");
        }
        body.readStringAsBytes();
        PlainBuffer secret = new PlainBuffer(body.readStringAsBytes());
        int check1 = secret.readUInt32AsInt();
        int check2 = secret.readUInt32AsInt();
        if (check1 != check2) {
            throw new IllegalArgumentException("private key check failed (corrupt file)");
        }
        if (!secret.readString().equals(ED25519)) {
            throw new IllegalArgumentException("not an ed25519 key");
        }
        byte[] pub = secret.readStringAsBytes();
        byte[] priv = secret.readStringAsBytes();
        if (pub.length != 32 || priv.length != 64) {
            throw new IllegalArgumentException("malformed ed25519 key");
        }
        byte[] seed = Arrays.copyOf(priv, 32);
        Arrays.fill(priv, (byte) 0);
        Arrays.fill(secret.array(), (byte) 0);
        return new SshKeyPair(pub, seed, check1);
    }

    /**
     * The characters of an OpenSSH private key file's base64 text that only its secret seed decides: what the
     * secrets scan searches for. Every other part of the file is shared (the header every unencrypted ed25519 key
     * has) or public (the public key, twice, and the comment), so searching for it would find a node's public key
     * or another key's header. Wrapping-independent: it is cut from the base64 text with its line breaks removed.
     */
    static String secretBase64(byte[] pemBytes) {
        String pem = new String(pemBytes, StandardCharsets.US_ASCII).strip();
        if (!pem.startsWith(BEGIN) || !pem.endsWith(END)) {
            throw new IllegalArgumentException("not an OpenSSH private key");
        }
        String base64 = pem.substring(BEGIN.length(), pem.length() - END.length()).replaceAll("\\s", "");
        byte[] body = Base64.getDecoder().decode(base64);
        SshKeyPair pair = fromOpenSshPrivateKey(pemBytes);
        int at = indexOf(body, pair.seed);
        if (at < 0) {
            throw new IllegalArgumentException("the seed is not in the key's own text");
        }
        // Base64 turns 3 bytes into 4 characters: the groups lying wholly inside the seed's 32 bytes.
        int firstGroup = (at + 2) / 3;
        int endGroup = (at + 32) / 3;
        return base64.substring(firstGroup * 4, endGroup * 4);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        // Never the private half: this may end up in a log line.
        return "SshKeyPair[" + ED25519 + " " + fingerprint() + "]";
    }
}
