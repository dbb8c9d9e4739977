package org.hainstall.core.seed;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A node's one-time call-back token: 32 random bytes written as 64 hex digits in {@code hainstall/callback.token}.
 * It never crosses the wire: the node uses the hex text as the HMAC key over its call-back request
 * ({@link CallbackProof}), so {@code openssl dgst -sha256 -hmac "$(cat callback.token)"} works as it is.
 * {@link #toString()} hides the value so a token cannot slip into a log line.
 */
public final class CallbackToken {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private final String hex;

    private CallbackToken(String hex) {
        this.hex = hex;
    }

    public static CallbackToken generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new CallbackToken(HexFormat.of().formatHex(bytes));
    }

    /** Reads a token back from its file text (trailing newline allowed). */
    public static CallbackToken parse(String text) {
        String t = text.strip();
        if (!HEX64.matcher(t).matches()) {
            throw new IllegalArgumentException("a call-back token is 64 lowercase hex digits");
        }
        return new CallbackToken(t);
    }

    /** The HMAC key: the ASCII bytes of the hex text (what openssl's {@code -hmac KEY} uses). */
    byte[] hmacKey() {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }

    /** The file content of {@code hainstall/callback.token}. Secret: write it 0600 only. */
    public byte[] fileContent() {
        return (hex + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "CallbackToken[redacted]";
    }
}
