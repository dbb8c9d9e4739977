package org.hainstall.core.seed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hainstall.core.config.Quote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the nodes' call backs: {@code POST /callback/<node>} with a JSON body
 * ({@link CallbackBody}) and an HMAC proof keyed by the node's one-time token ({@link CallbackProof}).
 *
 * <p>Every request that is not a valid, first, fresh, in-time call back from the right node with the right host keys
 * is rejected without changing any node's state: the abuse cases of FAULTS.md 16–18, 42 and 46. A valid call back is
 * single use; the token then counts as spent. A call back whose proof is right but whose host keys are not the
 * generated ones ends that node's wait with {@link CallbackReport.Outcome#HOST_KEY_MISMATCH} (never trusted).
 *
 * <p>Freshness: the signed timestamp must lie within {@link CallbackLimits#freshness()} of this server's clock and
 * each nonce is accepted once, so a captured request cannot be replayed later. A node whose clock is off (a physical
 * machine's RTC may be hours wrong) gets, for a proof that is right but a timestamp that is not, HTTP 400 "stale
 * timestamp" with the server's time in {@value CallbackProof#SERVER_TIME_HEADER}; it may sign once more with that
 * time and a new nonce.
 *
 * <p>Resources: {@link BoundedHttpListener} bounds what any client costs (timeouts, connection caps, body and header
 * limits). Rejections are logged one by one at DEBUG and summed up at WARN at most once per
 * {@link CallbackLimits#summaryEvery()} ({@link RejectionReport}), so a flood of bad requests cannot flood the
 * admin's terminal. Bound to the management address from the config; nothing here logs a token or a signature.
 */
public final class CallbackServer implements AutoCloseable {
    public static final String PATH_PREFIX = "/callback/";
    public static final int DEFAULT_BODY_LIMIT = CallbackLimits.DEFAULTS.bodyLimit();
    private static final Logger LOG = LoggerFactory.getLogger(CallbackServer.class);
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");
    /** Nonces a node may have used within the freshness window; only requests with a valid proof add one. */
    private static final int NONCES_KEPT = 1024;

    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final CallbackLimits limits;
    private final RejectionReport report;
    private final Map<String, NodeState> nodes = new ConcurrentHashMap<>();
    private BoundedHttpListener http;

    private CallbackServer(Clock clock, CallbackLimits limits, RejectionReport report) {
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("hainstall-callback-timer"));
        this.clock = clock;
        this.limits = limits;
        this.report = report;
    }

    /** Binds and starts; port 0 picks a free port (tests). */
    public static CallbackServer start(InetSocketAddress bindTo, Clock clock, CallbackLimits limits) throws IOException {
        return start(bindTo, clock, limits, LOG::warn);
    }

    public static CallbackServer start(InetSocketAddress bindTo) throws IOException {
        return start(bindTo, Clock.systemUTC(), CallbackLimits.DEFAULTS);
    }

    /** As {@link #start(InetSocketAddress, Clock, CallbackLimits)}, with the summary lines going to {@code summary}. */
    static CallbackServer start(InetSocketAddress bindTo, Clock clock, CallbackLimits limits, Consumer<String> summary)
            throws IOException {
        RejectionReport report = new RejectionReport(human(limits.summaryEvery()), summary, LOG::debug);
        CallbackServer server = new CallbackServer(clock, limits, report);
        try {
            server.http = BoundedHttpListener.start(bindTo, limits, server::decide, report::rejected);
        } catch (IOException | RuntimeException e) {
            server.timers.shutdownNow();
            throw e;
        }
        long every = limits.summaryEvery().toMillis();
        server.timers.scheduleAtFixedRate(report::summarize, every, every, TimeUnit.MILLISECONDS);
        return server;
    }

    /**
     * Listens on {@code management.address}:{@code management.callbackPort} — the management address only, never
     * all interfaces, and only when it is a unicast address of this workstation. A failure names the config path.
     */
    public static CallbackServer forConfig(org.hainstall.core.config.ClusterConfig config) throws SeedException {
        org.hainstall.core.config.ClusterConfig.Management m = config.management();
        if (m == null || m.address() == null || m.address().isBlank()) {
            throw new SeedException("management.address: needed to receive the nodes' call backs");
        }
        if (m.callbackPort() == null || m.callbackPort() < 1 || m.callbackPort() > 65535) {
            throw new SeedException("management.callbackPort: a port 1-65535 is needed for the call backs");
        }
        InetAddress address = ownUnicastAddress(m.address());
        try {
            return start(new InetSocketAddress(address, m.callbackPort()));
        } catch (IOException e) {
            throw new SeedException("management.address/callbackPort: cannot listen on " + Quote.of(m.address()) + ":"
                    + m.callbackPort() + " (" + e.getMessage() + "); is the port free?", e);
        }
    }

    /** The literal address, refused unless it is unicast and on one of this workstation's interfaces. */
    private static InetAddress ownUnicastAddress(String text) throws SeedException {
        InetAddress address;
        try {
            // A literal address only: no name lookup decides where the server listens.
            address = InetAddress.getByName(literal(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new SeedException("management.address: " + Quote.of(text) + " is not an IP address");
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isMulticastAddress()
                || address.getHostAddress().equals("255.255.255.255")) {
            throw new SeedException("management.address: " + Quote.of(text) + " is not a unicast address the nodes "
                    + "can call back to (unspecified, loopback, broadcast or multicast); give this workstation's "
                    + "address on the nodes' network");
        }
        try {
            if (NetworkInterface.getByInetAddress(address) == null) {
                throw new SeedException("management.address: " + Quote.of(text) + " is not an address of this "
                        + "workstation (no interface has it); the call-back server can listen only on its own address");
            }
        } catch (SocketException e) {
            throw new SeedException("management.address: cannot list this workstation's interfaces: "
                    + e.getMessage(), e);
        }
        return address;
    }

    private static String literal(String address) {
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new IllegalArgumentException("not a literal address");
        }
        return address;
    }

    public InetSocketAddress address() {
        return http.address();
    }

    /** Registers a node's expected call back; its token is valid from now for {@code validFor}. */
    public void expect(ExpectedCallback expected) {
        if (!NODE_NAME.matcher(expected.node()).matches()) {
            throw new IllegalArgumentException("not a plain node name: " + expected.node());
        }
        NodeState previous = nodes.putIfAbsent(expected.node(), new NodeState(expected, clock.instant()));
        if (previous != null) {
            throw new IllegalStateException("a call back from " + expected.node() + " is already expected");
        }
    }

    /** The node's state as the run sees it: PENDING until an accepted or mismatching call back. */
    public Optional<NodeStatus> status(String node) {
        NodeState s = nodes.get(node);
        return s == null ? Optional.empty() : Optional.of(s.status());
    }

    /** Rejected requests for this node so far (for the admin's report; no secrets in them). */
    public List<String> rejections(String node) {
        NodeState s = nodes.get(node);
        return s == null ? List.of() : s.rejections();
    }

    /**
     * Completes when the node's call back is accepted (READY or PREP_FAILED) or proves mismatching host keys,
     * or after {@code timeout} with a TIMED_OUT report saying how long it waited and what to check.
     */
    public CompletableFuture<CallbackReport> awaitNode(String node, Duration timeout) {
        NodeState s = nodes.get(node);
        if (s == null) {
            throw new IllegalStateException("no call back is expected from " + node);
        }
        Instant start = clock.instant();
        CompletableFuture<CallbackReport> result = new CompletableFuture<>();
        s.done.thenAccept(r -> result.complete(withWaited(r, Duration.between(start, clock.instant()))));
        timers.schedule(() -> result.complete(timedOut(s, Duration.between(start, clock.instant()))),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        return result;
    }

    @Override
    public void close() {
        http.close();
        timers.shutdownNow();
        report.summarize();
    }

    /** The whole decision on one complete request; runs on the listener's thread (quick, never blocks). */
    private BoundedHttpListener.Answer decide(HttpRequestParser.Request request, InetSocketAddress client) {
        String path = request.path();
        String from = String.valueOf(client);
        if (!path.startsWith(PATH_PREFIX)) {
            report.rejected("404 path " + Quote.of(path) + " from " + from);
            return new BoundedHttpListener.Answer(404, "not found");
        }
        String node = path.substring(PATH_PREFIX.length());
        NodeState state = NODE_NAME.matcher(node).matches() ? nodes.get(node) : null;
        if (state == null) {
            report.rejected("404 no call back expected at " + Quote.of(path) + " from " + from);
            return new BoundedHttpListener.Answer(404, "no call back is expected at this path");
        }
        if (!"POST".equals(request.method())) {
            return state.reject(405, "method " + Quote.of(request.method()) + " from " + from);
        }
        byte[] body = request.body();
        String timestamp = request.header(CallbackProof.TIMESTAMP_HEADER);
        String signature = request.header(CallbackProof.SIGNATURE_HEADER);
        if (timestamp == null || signature == null) {
            return state.reject(401, "no proof (missing signature or timestamp) from " + from);
        }
        if (!CallbackProof.verify(state.expected.token(), "POST", path, timestamp, body, signature)) {
            return state.reject(401, "wrong proof (not this node's token, or altered request) from " + from);
        }
        Instant now = clock.instant();
        if (!EPOCH_SECONDS.matcher(timestamp).matches()) {
            return state.stale("malformed timestamp (not unix seconds) from " + from, now);
        }
        long skew = Long.parseLong(timestamp) - now.getEpochSecond();
        if (Math.abs(skew) > limits.freshness().toSeconds()) {
            return state.stale("stale timestamp, " + human(Duration.ofSeconds(Math.abs(skew)))
                    + (skew < 0 ? " behind" : " ahead of") + " this server's clock, from " + from, now);
        }
        CallbackBody parsed;
        try {
            parsed = CallbackBody.parse(body);
        } catch (IllegalArgumentException e) {
            return state.reject(400, "malformed body from " + from + ": " + e.getMessage());
        }
        if (!node.equals(parsed.node()) || !timestamp.equals(parsed.timestamp())) {
            return state.reject(400, "body names node " + Quote.of(parsed.node()) + " / timestamp differing from "
                    + "the request's, from " + from);
        }
        return state.accept(parsed, from, now);
    }

    private CallbackReport withWaited(CallbackReport r, Duration waited) {
        return new CallbackReport(r.node(), r.outcome(), waited, r.prepStatus(), r.postedFingerprints(),
                r.expectedFingerprints(), r.hints());
    }

    private CallbackReport timedOut(NodeState s, Duration waited) {
        List<String> hints = new ArrayList<>();
        String url = "http://" + http.address().getHostString() + ":" + http.address().getPort()
                + PATH_PREFIX + s.expected.node();
        hints.add("is " + s.expected.node() + " powered on, and did it boot with its seed ISO (volume label cidata) "
                + "attached?");
        hints.add("on its console: /var/log/hainstall-node-prep.log tells how far node-prep got; it can be run "
                + "by hand: sh MOUNT/hainstall/node-prep.sh MOUNT");
        hints.add("can the node reach " + url + " (address on the right network, routing, a firewall)?");
        hints.add("the node needs python3 (or curl and openssl) for the call back");
        List<String> rejected = s.rejections();
        if (!rejected.isEmpty()) {
            hints.add(rejected.size() + " rejected attempt(s), the last: " + rejected.get(rejected.size() - 1));
        }
        if (s.expiredAt(clock.instant())) {
            hints.add("its token has expired: a new run makes a new seed with a new token");
        }
        return new CallbackReport(s.expected.node(), CallbackReport.Outcome.TIMED_OUT, waited, null, List.of(),
                List.copyOf(s.expected.hostKeyFingerprints()), hints);
    }

    /** "45 s", "12 min", "3 h 20 min": a skew or a period as the admin reads it. */
    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        long min = s / 60;
        return min < 120 ? min + " min" : (min / 60) + " h " + (min % 60) + " min";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public enum NodeStatus { PENDING, ACCEPTED, HOST_KEY_MISMATCH }

    /** One node's expectation and what has happened to it; transitions under its own lock. */
    private final class NodeState {
        final ExpectedCallback expected;
        final Instant registeredAt;
        final CompletableFuture<CallbackReport> done = new CompletableFuture<>();
        private final List<String> rejections = new ArrayList<>();
        /** Nonce → its signed time, for requests with a valid proof; older than the window they are stale anyway. */
        private final Map<String, Long> nonces = new LinkedHashMap<>();
        private NodeStatus status = NodeStatus.PENDING;

        NodeState(ExpectedCallback expected, Instant registeredAt) {
            this.expected = Objects.requireNonNull(expected);
            this.registeredAt = registeredAt;
        }

        synchronized NodeStatus status() {
            return status;
        }

        synchronized List<String> rejections() {
            return List.copyOf(rejections);
        }

        boolean expiredAt(Instant now) {
            return !now.isBefore(registeredAt.plus(expected.validFor()));
        }

        synchronized BoundedHttpListener.Answer reject(int code, String why) {
            record(code + " " + why);
            return new BoundedHttpListener.Answer(code, "rejected");
        }

        /** A right proof with a timestamp outside the window: the node may sign again with the server's time. */
        synchronized BoundedHttpListener.Answer stale(String why, Instant now) {
            record("400 " + why);
            return new BoundedHttpListener.Answer(400, "stale timestamp",
                    Map.of(CallbackProof.SERVER_TIME_HEADER, String.valueOf(now.getEpochSecond())));
        }

        private void record(String line) {
            // Bounded so that a flood of bad requests cannot grow memory.
            if (rejections.size() >= 100) {
                rejections.remove(0);
            }
            rejections.add(line);
            report.rejected(expected.node() + ": " + line);
        }

        synchronized BoundedHttpListener.Answer accept(CallbackBody body, String from, Instant now) {
            // The nonce first: a captured request sent again is a replay whatever became of the original.
            if (!firstUse(body.nonce(), Long.parseLong(body.timestamp()), now)) {
                return reject(409, "replayed request (its nonce was used before) from " + from);
            }
            if (status != NodeStatus.PENDING) {
                return reject(409, "repeated call back (token already spent) from " + from);
            }
            if (expiredAt(now)) {
                return reject(410, "expired token (valid for " + expected.validFor() + ") from " + from);
            }
            List<String> expectedFps = expected.hostKeyFingerprints().stream().sorted().toList();
            List<String> posted = body.hostKeyFingerprints().stream().sorted().toList();
            if (!java.util.Set.copyOf(posted).equals(expected.hostKeyFingerprints())) {
                status = NodeStatus.HOST_KEY_MISMATCH;
                reject(403, "host keys differ from the generated ones: posted " + posted + ", expected " + expectedFps);
                done.complete(new CallbackReport(expected.node(), CallbackReport.Outcome.HOST_KEY_MISMATCH,
                        Duration.ZERO, body.prepStatus(), posted, expectedFps,
                        List.of("node-prep did not install the generated host keys, or another machine answered "
                                + "with this node's token; check /etc/ssh on the node")));
                return new BoundedHttpListener.Answer(403, "rejected");
            }
            status = NodeStatus.ACCEPTED;
            boolean ok = "ok".equals(body.prepStatus());
            LOG.info("call back from {} accepted ({}), prep status {}", expected.node(), from, body.prepStatus());
            done.complete(new CallbackReport(expected.node(),
                    ok ? CallbackReport.Outcome.READY : CallbackReport.Outcome.PREP_FAILED, Duration.ZERO,
                    body.prepStatus(), posted, expectedFps,
                    ok ? List.of() : List.of("see /var/log/hainstall-node-prep.log on the node")));
            return new BoundedHttpListener.Answer(200, "accepted");
        }

        /** Records the nonce; false when it was seen before. Forgets nonces whose time left the window. */
        private boolean firstUse(String nonce, long signedAt, Instant now) {
            long oldest = now.getEpochSecond() - 2 * limits.freshness().toSeconds();
            nonces.values().removeIf(t -> t < oldest);
            if (nonces.containsKey(nonce)) {
                return false;
            }
            if (nonces.size() >= NONCES_KEPT) {
                nonces.remove(nonces.keySet().iterator().next());
            }
            nonces.put(nonce, signedAt);
            return true;
        }
    }
}
