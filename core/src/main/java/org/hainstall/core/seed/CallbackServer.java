package org.hainstall.core.seed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the nodes' call backs: {@code POST /callback/<node>} with a JSON body
 * ({@link CallbackBody}) and an HMAC proof keyed by the node's one-time token ({@link CallbackProof}).
 *
 * <p>Every request that is not a valid, first, in-time call back from the right node with the right host keys is
 * rejected without changing any node's state: the abuse cases of FAULTS.md 16–18. A valid call back is single use;
 * the token then counts as spent. A call back whose proof is right but whose host keys are not the generated ones
 * ends that node's wait with {@link CallbackReport.Outcome#HOST_KEY_MISMATCH} (the node is never trusted).
 *
 * <p>Bound to the management address from the config; nothing here logs a token or a signature.
 */
public final class CallbackServer implements AutoCloseable {
    public static final String PATH_PREFIX = "/callback/";
    public static final int DEFAULT_BODY_LIMIT = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CallbackServer.class);
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

    private final HttpServer http;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final int bodyLimit;
    private final Map<String, NodeState> nodes = new ConcurrentHashMap<>();

    private CallbackServer(HttpServer http, ExecutorService handlers, ScheduledExecutorService timers, Clock clock,
                           int bodyLimit) {
        this.http = http;
        this.handlers = handlers;
        this.timers = timers;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
    }

    /** Binds and starts; port 0 picks a free port (tests). */
    public static CallbackServer start(InetSocketAddress bindTo, Clock clock, int bodyLimit) throws IOException {
        HttpServer http = HttpServer.create(bindTo, 16);
        // Several threads: a client that declares a body and sends it slowly holds one while the JDK server reads.
        ExecutorService handlers = Executors.newFixedThreadPool(8, daemon("hainstall-callback"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("hainstall-callback-timer"));
        CallbackServer server = new CallbackServer(http, handlers, timers, clock, bodyLimit);
        http.createContext("/", server::handle);
        http.setExecutor(handlers);
        http.start();
        return server;
    }

    public static CallbackServer start(InetSocketAddress bindTo) throws IOException {
        return start(bindTo, Clock.systemUTC(), DEFAULT_BODY_LIMIT);
    }

    /**
     * Listens on {@code management.address}:{@code management.callbackPort} — the management address only, never
     * all interfaces. A failure names the config path.
     */
    public static CallbackServer forConfig(org.hainstall.core.config.ClusterConfig config) throws SeedException {
        org.hainstall.core.config.ClusterConfig.Management m = config.management();
        if (m == null || m.address() == null || m.address().isBlank()) {
            throw new SeedException("management.address: needed to receive the nodes' call backs");
        }
        if (m.callbackPort() == null || m.callbackPort() < 1 || m.callbackPort() > 65535) {
            throw new SeedException("management.callbackPort: a port 1-65535 is needed for the call backs");
        }
        java.net.InetAddress address;
        try {
            // A literal address only: no name lookup decides where the server listens.
            address = java.net.InetAddress.getByName(literal(m.address()));
        } catch (IOException | IllegalArgumentException e) {
            throw new SeedException("management.address: " + m.address() + " is not an IP address");
        }
        try {
            return start(new InetSocketAddress(address, m.callbackPort()));
        } catch (IOException e) {
            throw new SeedException("management.address/callbackPort: cannot listen on " + m.address() + ":"
                    + m.callbackPort() + " (" + e.getMessage() + "); is the address this workstation's, "
                    + "and the port free?", e);
        }
    }

    private static String literal(String address) {
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new IllegalArgumentException("not a literal address");
        }
        return address;
    }

    public InetSocketAddress address() {
        return http.getAddress();
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
        http.stop(0);
        handlers.shutdownNow();
        timers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Response r = decide(exchange);
            byte[] body = (r.message + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            // Close the connection after a rejection: whatever is left of an oversized body is not read.
            if (r.code != 200) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.sendResponseHeaders(r.code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("call back request from {} failed: {}", exchange.getRemoteAddress(), e.toString());
        }
    }

    private Response decide(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String from = String.valueOf(exchange.getRemoteAddress());
        if (path == null || !path.startsWith(PATH_PREFIX)) {
            return new Response(404, "not found");
        }
        String node = path.substring(PATH_PREFIX.length());
        NodeState state = NODE_NAME.matcher(node).matches() ? nodes.get(node) : null;
        if (state == null) {
            return new Response(404, "no call back is expected at this path");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return state.reject(405, "method " + safe(exchange.getRequestMethod()) + " from " + from);
        }
        long declared = declaredLength(exchange);
        if (declared > bodyLimit) {
            return state.reject(413, "body of " + declared + " bytes (limit " + bodyLimit + ") from " + from);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(bodyLimit + 1);
        }
        if (body.length > bodyLimit) {
            return state.reject(413, "body over " + bodyLimit + " bytes from " + from);
        }
        String timestamp = exchange.getRequestHeaders().getFirst(CallbackProof.TIMESTAMP_HEADER);
        String signature = exchange.getRequestHeaders().getFirst(CallbackProof.SIGNATURE_HEADER);
        if (timestamp == null || signature == null) {
            return state.reject(401, "no proof (missing signature or timestamp) from " + from);
        }
        if (!CallbackProof.verify(state.expected.token(), "POST", path, timestamp, body, signature)) {
            return state.reject(401, "wrong proof (not this node's token, or altered request) from " + from);
        }
        CallbackBody parsed;
        try {
            parsed = CallbackBody.parse(body);
        } catch (IllegalArgumentException e) {
            return state.reject(400, "malformed body from " + from + ": " + e.getMessage());
        }
        if (!node.equals(parsed.node()) || !timestamp.equals(parsed.timestamp())) {
            return state.reject(400, "body names node " + safe(parsed.node()) + " / timestamp differing from the "
                    + "request's, from " + from);
        }
        return state.accept(parsed, from);
    }

    private long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private CallbackReport withWaited(CallbackReport r, Duration waited) {
        return new CallbackReport(r.node(), r.outcome(), waited, r.prepStatus(), r.postedFingerprints(),
                r.expectedFingerprints(), r.hints());
    }

    private CallbackReport timedOut(NodeState s, Duration waited) {
        List<String> hints = new ArrayList<>();
        String url = "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort()
                + PATH_PREFIX + s.expected.node();
        hints.add("is " + s.expected.node() + " powered on, and did it boot with its seed ISO (volume label cidata) "
                + "attached?");
        hints.add("on its console: /var/log/hainstall-node-prep.log tells how far node-prep got; it can be run "
                + "by hand: sh MOUNT/hainstall/node-prep.sh MOUNT");
        hints.add("can the node reach " + url + " (address on the right network, routing, a firewall)?");
        hints.add("the node needs curl and openssl for the call back");
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

    private static String safe(String text) {
        if (text == null) {
            return "null";
        }
        String t = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public enum NodeStatus { PENDING, ACCEPTED, HOST_KEY_MISMATCH }

    private record Response(int code, String message) { }

    /** One node's expectation and what has happened to it; transitions under its own lock. */
    private final class NodeState {
        final ExpectedCallback expected;
        final Instant registeredAt;
        final CompletableFuture<CallbackReport> done = new CompletableFuture<>();
        private final List<String> rejections = new ArrayList<>();
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

        synchronized Response reject(int code, String why) {
            String line = code + " " + why;
            // Bounded so that a flood of bad requests cannot grow memory.
            if (rejections.size() >= 100) {
                rejections.remove(0);
            }
            rejections.add(line);
            LOG.warn("call back for {} rejected: {}", expected.node(), line);
            return new Response(code, "rejected");
        }

        synchronized Response accept(CallbackBody body, String from) {
            if (status != NodeStatus.PENDING) {
                return reject(409, "replayed or repeated call back (token already spent) from " + from);
            }
            if (expiredAt(clock.instant())) {
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
                return new Response(403, "rejected");
            }
            status = NodeStatus.ACCEPTED;
            boolean ok = "ok".equals(body.prepStatus());
            LOG.info("call back from {} accepted ({}), prep status {}", expected.node(), from, body.prepStatus());
            done.complete(new CallbackReport(expected.node(),
                    ok ? CallbackReport.Outcome.READY : CallbackReport.Outcome.PREP_FAILED, Duration.ZERO,
                    body.prepStatus(), posted, expectedFps,
                    ok ? List.of() : List.of("see /var/log/hainstall-node-prep.log on the node")));
            return new Response(200, "accepted");
        }
    }
}
