package org.hainstall.core.seed;

import java.time.Duration;
import java.util.List;

/**
 * How one node's call back ended. Never holds a secret: fingerprints are public, the token is not here.
 *
 * @param waited   from {@code awaitNode} (or from {@code expect}) to the end
 * @param hints    for a time-out or a rejection: what the administrator can check, one sentence each
 */
public record CallbackReport(String node, Outcome outcome, Duration waited, String prepStatus,
                             List<String> postedFingerprints, List<String> expectedFingerprints,
                             List<String> hints) {
    public CallbackReport {
        postedFingerprints = List.copyOf(postedFingerprints);
        expectedFingerprints = List.copyOf(expectedFingerprints);
        hints = List.copyOf(hints);
    }

    public enum Outcome {
        /** The node proved its token, its host keys match, and node-prep reported "ok". */
        READY,
        /** Proven and matching, but node-prep reported a failure (its status says what). */
        PREP_FAILED,
        /** Proven, but the host keys it serves are not the ones generated for it: never trusted. */
        HOST_KEY_MISMATCH,
        /** No acceptable call back in time. */
        TIMED_OUT
    }

    public boolean ready() {
        return outcome == Outcome.READY;
    }

    /** One paragraph for the run's log and the admin. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        switch (outcome) {
            case READY -> sb.append(node).append(" called back after ").append(human(waited))
                    .append(": node-prep ok");
            case PREP_FAILED -> sb.append(node).append(" called back after ").append(human(waited))
                    .append(" but node-prep failed: ").append(prepStatus);
            case HOST_KEY_MISMATCH -> sb.append(node).append(" called back with host keys that were not generated "
                    + "for it: posted ").append(postedFingerprints).append(", expected ")
                    .append(expectedFingerprints).append("; the node is not trusted");
            default -> sb.append("no call back from ").append(node).append(" after ").append(human(waited));
        }
        for (String hint : hints) {
            sb.append("\n  - ").append(hint);
        }
        return sb.toString();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
}
