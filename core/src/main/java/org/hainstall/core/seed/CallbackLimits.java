package org.hainstall.core.seed;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client, and all clients together, may cost the call-back server. A real node sends one request of a few
 * hundred bytes at once; everything here is far above that and far below what would stall or exhaust the server.
 *
 * @param bodyLimit       largest body read (bytes); a larger declared or sent body is refused with 413
 * @param headerLimit     largest request line plus headers (bytes); more is refused with 431
 * @param requestTimeout  from the connection's accept to the last byte of the answer; then it is closed
 * @param idleTimeout     longest silence of a connection; then it is closed
 * @param maxConnections  open connections in all; the next one is closed at once
 * @param maxPerClient    open connections from one address; the next one from it is closed at once
 * @param freshness       how far a signed timestamp may lie from the server's clock, either way
 * @param summaryEvery    at most one summary line of rejected requests per this period (details go to DEBUG)
 */
public record CallbackLimits(int bodyLimit, int headerLimit, Duration requestTimeout, Duration idleTimeout,
                             int maxConnections, int maxPerClient, Duration freshness, Duration summaryEvery) {
    public static final CallbackLimits DEFAULTS = new CallbackLimits(16 * 1024, 8 * 1024, Duration.ofSeconds(10),
            Duration.ofSeconds(5), 256, 16, Duration.ofMinutes(10), Duration.ofSeconds(30));

    public CallbackLimits {
        if (bodyLimit < 1 || headerLimit < 64 || maxConnections < 1 || maxPerClient < 1
                || maxPerClient > maxConnections) {
            throw new IllegalArgumentException("call-back limits out of range");
        }
        for (Duration d : new Duration[] {requestTimeout, idleTimeout, freshness, summaryEvery}) {
            if (Objects.requireNonNull(d).isNegative() || d.isZero()) {
                throw new IllegalArgumentException("call-back durations must be positive");
            }
        }
    }

    public CallbackLimits withBodyLimit(int bytes) {
        return new CallbackLimits(bytes, headerLimit, requestTimeout, idleTimeout, maxConnections, maxPerClient,
                freshness, summaryEvery);
    }

    public CallbackLimits withTimeouts(Duration request, Duration idle) {
        return new CallbackLimits(bodyLimit, headerLimit, request, idle, maxConnections, maxPerClient, freshness,
                summaryEvery);
    }

    public CallbackLimits withConnections(int inAll, int perClient) {
        return new CallbackLimits(bodyLimit, headerLimit, requestTimeout, idleTimeout, inAll, perClient, freshness,
                summaryEvery);
    }

    public CallbackLimits withSummaryEvery(Duration period) {
        return new CallbackLimits(bodyLimit, headerLimit, requestTimeout, idleTimeout, maxConnections, maxPerClient,
                freshness, period);
    }
}
