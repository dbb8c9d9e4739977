package org.hainstall.core.reconstruct;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * Reads a live cluster's shared secrets for {@code reconstruct --with-secrets}: Heartbeat's auth key and the DRBD
 * shared secrets. Output is never streamed to a listener and never kept beyond the returned record.
 */
public final class SecretsReader {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public record ClusterSecrets(Optional<String> heartbeatAuthKey, Map<String, String> drbdSecrets) {
        @Override
        public String toString() {
            return "ClusterSecrets[auth key " + (heartbeatAuthKey.isPresent() ? "read" : "missing") + ", "
                    + drbdSecrets.size() + " DRBD secret(s)]";
        }
    }

    public ClusterSecrets read(Shell shell) throws RemoteException {
        Optional<String> authKey = Optional.empty();
        CommandResult auth = shell.run(Command.of("cat", "/etc/ha.d/authkeys"), TIMEOUT, OutputListener.IGNORE);
        if (auth.ok()) {
            authKey = authKey(auth.stdout());
        }
        Map<String, String> drbd = new LinkedHashMap<>();
        CommandResult dump = shell.run(Command.of("drbdadm", "dump", "all"), TIMEOUT, OutputListener.IGNORE);
        if (dump.ok()) {
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
