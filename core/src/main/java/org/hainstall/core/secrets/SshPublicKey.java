package org.hainstall.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import net.schmizz.sshj.common.Buffer;

/**
 * A public key as SSH writes it: a type ({@code ssh-ed25519}) and the wire-encoded key blob. Public, so safe
 * to print. {@link #fingerprint()} is what {@code ssh-keygen -l} and OpenSSH's warnings show.
 */
public final class SshPublicKey {
    private static final Pattern TYPE = Pattern.compile("[a-z0-9@.-]{1,64}");

    private final String type;
    private final byte[] blob;

    public SshPublicKey(String type, byte[] blob) {
        if (!TYPE.matcher(Objects.requireNonNull(type)).matches()) {
            throw new IllegalArgumentException("not an SSH key type: " + type);
        }
        if (blob.length == 0) {
            throw new IllegalArgumentException("empty SSH key");
        }
        this.type = type;
        this.blob = blob.clone();
        // The blob starts with its own type; a mismatch means a mangled line.
        String inner = typeOf(this.blob);
        if (!inner.equals(type)) {
            throw new IllegalArgumentException("SSH key says '" + type + "' but its data is '" + inner + "'");
        }
    }

    /** Parses {@code "<type> <base64> [comment]"} (an {@code .pub} file or an authorized_keys line). */
    public static SshPublicKey parse(String line) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length < 2) {
            throw new IllegalArgumentException("not an SSH public key line (want '<type> <base64>')");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SSH public key is not valid base64", e);
        }
        return new SshPublicKey(fields[0], blob);
    }

    /** The key of a Java {@link java.security.PublicKey} as seen on the wire, e.g. from a server's offer. */
    public static SshPublicKey fromBlob(byte[] blob) {
        return new SshPublicKey(typeOf(blob), blob);
    }

    /** The key type a wire-encoded blob starts with. */
    private static String typeOf(byte[] blob) {
        try {
            return new Buffer.PlainBuffer(blob).readString();
        } catch (Buffer.BufferException e) {
            throw new IllegalArgumentException("malformed SSH key data: " + e.getMessage(), e);
        }
    }

    public String type() {
        return type;
    }

    public byte[] blob() {
        return blob.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(blob);
    }

    /** {@code "<type> <base64>"}, the form of known_hosts and authorized_keys. */
    public String line() {
        return type + " " + base64();
    }

    /** {@code SHA256:<base64 without padding>}, exactly as OpenSSH prints it. */
    public String fingerprint() {
        return fingerprintOf(blob);
    }

    static String fingerprintOf(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares fingerprints the way a person types them: with or without the {@code SHA256:} prefix. */
    public boolean hasFingerprint(String fingerprint) {
        String given = fingerprint.strip();
        if (!given.startsWith("SHA256:")) {
            given = "SHA256:" + given;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                fingerprint().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshPublicKey k && k.type.equals(type) && Arrays.equals(k.blob, blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
