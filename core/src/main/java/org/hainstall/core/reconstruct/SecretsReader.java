package org.hainstall.core.reconstruct;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hainstall.core.drbd.DrbdResourceFacts;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.heartbeat.HeartbeatProbe;
import org.hainstall.core.remote.CommandResult;

/**
 * Reads a live cluster's shared secrets for {@code reconstruct --with-secrets}: Heartbeat's auth key and the DRBD
 * shared secrets, from the look reconstruct takes anyway. They are never kept beyond the returned record.
 */
public final class SecretsReader {
    private SecretsReader() {
    }

    public record ClusterSecrets(Optional<String> heartbeatAuthKey, Map<String, String> drbdSecrets) {
        @Override
        public String toString() {
            return "ClusterSecrets[auth key " + (heartbeatAuthKey.isPresent() ? "read" : "missing") + ", "
                    + drbdSecrets.size() + " DRBD secret(s)]";
        }
    }

    /** The secrets among a look's results: the auth key from authkeys, each resource's secret from drbdadm dump. */
    public static ClusterSecrets from(Map<String, CommandResult> results) {
        Optional<String> authKey = Optional.ofNullable(results.get(HeartbeatProbe.AUTHKEYS_SECRET.name()))
                .filter(CommandResult::ok).flatMap(r -> authKey(r.stdout()));
        Map<String, String> drbd = new LinkedHashMap<>();
        CommandResult dump = results.get(DrbdProbe.DUMP.name());
        if (dump != null && dump.ok()) {
            for (DrbdResourceFacts r : DrbdResourceFacts.fromDump(dump.stdout())) {
                r.sharedSecret().ifPresent(s -> drbd.put(r.name(), s));
            }
        }
        return new ClusterSecrets(authKey, drbd);
    }

    /** The key of the method {@code auth N} selects: "auth 1" then "1 sha1 KEY". */
    static Optional<String> authKey(String authkeys) {
        String selected = null;
        Map<String, String> keys = new LinkedHashMap<>();
        for (String raw : authkeys.split("\n")) {
            String[] w = raw.replaceAll("#.*", "").strip().split("\\s+");
            if (w.length >= 2 && w[0].equals("auth")) {
                selected = w[1];
            } else if (w.length >= 3 && w[0].matches("\\d+")) {
                keys.put(w[0], w[2]);
            }
        }
        return Optional.ofNullable(selected == null ? null : keys.get(selected));
    }
}
