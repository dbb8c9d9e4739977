package org.hainstall.core.config;

import java.time.Duration;
import java.util.Optional;

/** Heartbeat: its UDP port and timings (deadtime > warntime > keepalive; initdead generous). */
final class HeartbeatRules implements Rule {
    static final int DEFAULT_PORT = 694;

    @Override
    public void check(ClusterConfig c, ProblemList p) {
        if (!p.required("heartbeat", c.heartbeat())) {
            return;
        }
        ClusterConfig.Heartbeat h = c.heartbeat();
        if (p.required("heartbeat.udpPort", h.udpPort()) && Checks.port(p, "heartbeat.udpPort", h.udpPort())
                && h.udpPort() == DEFAULT_PORT) {
            p.warning("heartbeat.udpPort", ProblemCode.HEARTBEAT_DEFAULT_PORT, "694 is Heartbeat's default port; two "
                    + "clusters on one subnet that both use it hear each other. Pick a port of this cluster's own.");
        }
        Optional<Duration> keepalive = duration(p, "heartbeat.keepalive", h.keepalive());
        Optional<Duration> warntime = duration(p, "heartbeat.warntime", h.warntime());
        Optional<Duration> deadtime = duration(p, "heartbeat.deadtime", h.deadtime());
        Optional<Duration> initdead = duration(p, "heartbeat.initdead", h.initdead());
        if (keepalive.isPresent() && warntime.isPresent() && warntime.get().compareTo(keepalive.get()) <= 0) {
            p.error("heartbeat.warntime", ProblemCode.HEARTBEAT_TIMING, "warntime (" + h.warntime()
                    + ") must be longer than keepalive (" + h.keepalive() + ").");
        }
        if (warntime.isPresent() && deadtime.isPresent() && deadtime.get().compareTo(warntime.get()) <= 0) {
            p.error("heartbeat.deadtime", ProblemCode.HEARTBEAT_TIMING, "deadtime (" + h.deadtime()
                    + ") must be longer than warntime (" + h.warntime() + ").");
        } else if (keepalive.isPresent() && deadtime.isPresent() && warntime.isEmpty()
                && deadtime.get().compareTo(keepalive.get()) <= 0) {
            p.error("heartbeat.deadtime", ProblemCode.HEARTBEAT_TIMING, "deadtime (" + h.deadtime()
                    + ") must be longer than keepalive (" + h.keepalive() + ").");
        }
        if (deadtime.isPresent() && initdead.isPresent() && initdead.get().compareTo(deadtime.get().multipliedBy(2)) < 0) {
            p.warning("heartbeat.initdead", ProblemCode.HEARTBEAT_INITDEAD_SHORT, "initdead (" + h.initdead()
                    + ") should be at least twice deadtime (" + h.deadtime() + "): a booting peer needs time to start its network.");
        }
    }

    private static Optional<Duration> duration(ProblemList p, String path, String text) {
        if (!p.required(path, text)) {
            return Optional.empty();
        }
        Optional<Duration> d = Durations.parse(text);
        if (d.isEmpty() || d.get().isZero()) {
            p.error(path, ProblemCode.DURATION_INVALID, Quote.of(text) + " is not a duration such as 500ms, 2s or 1m.");
            return Optional.empty();
        }
        return d;
    }
}
