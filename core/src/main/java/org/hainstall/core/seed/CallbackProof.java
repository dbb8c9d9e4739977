package org.hainstall.core.seed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proof a node sends with its call back: HMAC-SHA256, keyed by its one-time token, over
 * {@code METHOD \n PATH \n TIMESTAMP \n BODY} (exactly what node-prep.sh feeds to {@code openssl dgst -hmac}).
 * Sent as lowercase hex in the {@value #SIGNATURE_HEADER} header, the timestamp in {@value #TIMESTAMP_HEADER}.
 */
public final class CallbackProof {
    public static final String SIGNATURE_HEADER = "X-Hainstall-Signature";
    public static final String TIMESTAMP_HEADER = "X-Hainstall-Timestamp";
    /** Sent back with "400 stale timestamp": the server's clock in unix seconds, for a node to sign again with. */
    public static final String SERVER_TIME_HEADER = "X-Hainstall-Server-Time";

    private CallbackProof() {
    }

    public static String sign(CallbackToken token, String method, String path, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(mac(token, method, path, timestamp, body));
    }

    /** Constant-time comparison; a malformed signature is simply not a match. */
    public static boolean verify(CallbackToken token, String method, String path, String timestamp, byte[] body,
                                 String signatureHex) {
        if (signatureHex == null || timestamp == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(token, method, path, timestamp, body), given);
    }

    private static byte[] mac(CallbackToken token, String method, String path, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.hmacKey(), "HmacSHA256"));
            mac.update((method + "\n" + path + "\n" + timestamp + "\n").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
