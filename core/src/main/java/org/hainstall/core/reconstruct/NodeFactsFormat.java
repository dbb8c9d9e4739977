package org.hainstall.core.reconstruct;

import java.util.Map;

/**
 * A plain-text form of {@link NodeFacts}: sections {@code === fact ===} followed by the command's output, and
 * {@code !!! fact !!! reason} for facts that could not be read. Used to capture facts from real machines for
 * tests. (Secrets are not among the facts: the DRBD dump's shared secret is masked when written.)
 */
public final class NodeFactsFormat {
    private NodeFactsFormat() {
    }

    public static String write(NodeFacts facts) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : facts.outputs().entrySet()) {
            String out = e.getValue();
            if (e.getKey().equals("drbd-dump")) {
                out = maskDrbdSecrets(out);
            }
            sb.append("=== ").append(e.getKey()).append(" ===\n").append(out);
            if (!out.endsWith("\n")) {
                sb.append('\n');
            }
        }
        for (Map.Entry<String, String> e : facts.failures().entrySet()) {
            sb.append("!!! ").append(e.getKey()).append(" !!! ").append(e.getValue().replace('\n', ' ')).append('\n');
        }
        return sb.toString();
    }

    /**
     * drbdadm dump prints the secret bare ({@code shared-secret 1ccc…;}, as the lab showed) or quoted when it holds
     * spaces; both are masked.
     */
    static String maskDrbdSecrets(String dump) {
        return dump.replaceAll("(shared-secret\\s+)(\"[^\"]*\"|[^;\\s]+)", "$1\"***\"");
    }

    public static NodeFacts read(String text) {
        NodeFacts facts = new NodeFacts();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ") && line.endsWith(" ===") && line.length() > 8) {
                if (current != null) {
                    facts.put(current, body.toString());
                }
                current = line.substring(4, line.length() - 4);
                body.setLength(0);
            } else if (line.startsWith("!!! ")) {
                int end = line.indexOf(" !!! ", 4);
                if (end > 0) {
                    facts.fail(line.substring(4, end), line.substring(end + 5));
                }
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            String b = body.toString();
            facts.put(current, b.endsWith("\n\n") ? b.substring(0, b.length() - 1) : b);
        }
        return facts;
    }
}
