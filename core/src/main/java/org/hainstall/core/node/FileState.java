package org.hainstall.core.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hainstall.core.remote.CommandResult;

/**
 * A file as a node has it: its content (null when missing, or when only its digest was read) and octal mode
 * ("600"), or for a file holding a secret only the SHA-256 of its content ({@link Fact#digest}).
 */
public record FileState(String content, String mode, String sha256) {

    public FileState(String content, String mode) {
        this(content, mode, null);
    }

    public static FileState missing() {
        return new FileState(null, null, null);
    }

    /** The result of a {@link Fact#file} or {@link Fact#digest}: exit 3 is a missing file. */
    public static FileState of(Fact fact, CommandResult r) {
        if (r.exitCode() == 3) {
            return missing();
        }
        if (!r.ok()) {
            throw new IllegalArgumentException(fact.name() + " failed with exit " + r.exitCode());
        }
        String out = r.stdout();
        int nl = out.indexOf('\n');
        if (nl < 0) {
            throw new IllegalArgumentException(fact.name() + " printed no mode line");
        }
        String mode = out.substring(0, nl).strip();
        String rest = out.substring(nl + 1);
        if (fact.name().startsWith("digest ")) {
            String[] words = rest.strip().split("\\s+");
            if (words.length == 0 || !words[0].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(fact.name() + " printed no SHA-256");
            }
            return new FileState(null, mode, words[0]);
        }
        return new FileState(rest, mode, null);
    }

    public boolean exists() {
        return mode != null;
    }

    /** Whether the file holds exactly {@code wanted} with {@code mode}: by content, or by digest. */
    public boolean holds(String wanted, int mode) {
        if (!exists() || !Integer.toOctalString(mode).equals(this.mode)) {
            return false;
        }
        return content != null ? content.equals(wanted) : sha256(wanted).equals(sha256);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Never the content: resource files and authkeys hold secrets. */
    @Override
    public String toString() {
        return !exists() ? "(missing)" : "(" + (content == null ? "digest" : content.length() + " bytes")
                + ", mode " + mode + ")";
    }
}
