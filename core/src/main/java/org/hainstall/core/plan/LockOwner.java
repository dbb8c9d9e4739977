package org.hainstall.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who holds a node's lock: written into the lock's owner file so a refused run can name the holder.
 * {@code token} is random per run and decides ownership: run ids are timestamps, and two workstations can start
 * a run in the same second.
 */
public record LockOwner(String token, String runId, String user, String host, long pid, String since) {

    public LockOwner(String runId, String user, String host, long pid, String since) {
        this(java.util.UUID.randomUUID().toString(), runId, user, host, pid, since);
    }

    /** Same run: same token. */
    public boolean sameRunAs(LockOwner other) {
        return other != null && token.equals(other.token);
    }

    /** This process, for a run. */
    public static LockOwner forThisProcess(String runId, java.time.Instant now) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        return new LockOwner(runId, System.getProperty("user.name", "?"), host, ProcessHandle.current().pid(),
                now.toString());
    }

    /** The owner file's content: {@code key=value} lines, newline-terminated. */
    public String toFileContent() {
        return "token=" + token + "\nrun=" + runId + "\nuser=" + user + "\nhost=" + host + "\npid=" + pid
                + "\nsince=" + since + "\n";
    }

    /** Parses what {@link #toFileContent} wrote; missing fields become "?" (a lock written by hand, half a write). */
    public static LockOwner parse(Map<String, String> fields) {
        long pid;
        try {
            pid = Long.parseLong(fields.getOrDefault("pid", "-1"));
        } catch (NumberFormatException e) {
            pid = -1;
        }
        return new LockOwner(fields.getOrDefault("token", "?"), fields.getOrDefault("run", "?"), fields.getOrDefault("user", "?"),
                fields.getOrDefault("host", "?"), pid, fields.getOrDefault("since", "?"));
    }

    static Map<String, String> fields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    public String describe() {
        return "run " + runId + " by " + user + "@" + host + " (pid " + pid + "), started " + since;
    }
}
