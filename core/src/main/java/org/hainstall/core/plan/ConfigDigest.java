package org.hainstall.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hainstall.core.config.ClusterConfig;

/**
 * A fingerprint of the config a run applied. A run resumes only a run of the same config: after an edit (or a
 * different {@code --set}), every step is checked afresh.
 */
public final class ConfigDigest {
    private ConfigDigest() {
    }

    public static String of(ClusterConfig config) {
        String text = config == null ? "" : config.toString(); // records: a stable, complete rendering
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
