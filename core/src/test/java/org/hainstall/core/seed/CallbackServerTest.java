package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.hainstall.core.testing.TestClusters;

/** The call-back server over real HTTP on 127.0.0.1: the good call back and every abuse case of FAULTS.md 16–19. */
class CallbackServerTest {
    private static final String A = "sales-db1";
    private static final String B = "sales-db2";
    private final HttpClient http = HttpClient.newHttpClient();
    private CallbackServer server;
    private CallbackToken tokenA;
    private CallbackToken tokenB;
    private String fingerprintA;
    private String fingerprintB;

    @BeforeEach
    void start() throws IOException {
        server = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        tokenA = TestKeys.token();
        tokenB = TestKeys.token();
        fingerprintA = HostKeyFingerprint.of(TestKeys.ed25519PublicLine("root@" + A));
        fingerprintB = HostKeyFingerprint.of(TestKeys.ed25519PublicLine("root@" + B));
        server.expect(new ExpectedCallback(A, tokenA, Set.of(fingerprintA), Duration.ofHours(1)));
        server.expect(new ExpectedCallback(B, tokenB, Set.of(fingerprintB), Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void acceptsAValidCallBackAndReportsTheNodeReady() throws Exception {
        CompletableFuture<CallbackReport> waiting = server.awaitNode(A, Duration.ofHours(1));

        assertThat(post(A, signed(A, tokenA, body(A, "ok", fingerprintA))).statusCode()).isEqualTo(200);

        CallbackReport report = waiting.get(10, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.READY);
        assertThat(report.postedFingerprints()).containsExactly(fingerprintA);
        assertThat(server.status(A)).contains(CallbackServer.NodeStatus.ACCEPTED);
        assertThat(server.status(B)).contains(CallbackServer.NodeStatus.PENDING);
    }

    @Test
    void reportsAFailedNodePrepAsPrepFailed() throws Exception {
        CompletableFuture<CallbackReport> waiting = server.awaitNode(A, Duration.ofHours(1));
        assertThat(post(A, signed(A, tokenA, body(A, "failed:network", fingerprintA))).statusCode()).isEqualTo(200);
        CallbackReport report = waiting.get(10, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.PREP_FAILED);
        assertThat(report.describe()).contains("failed:network");
    }

    @Test
    void rejectsACallBackWithoutProof() throws Exception {
        Signed s = signed(A, tokenA, body(A, "ok", fingerprintA));
        HttpResponse<String> r = send(HttpRequest.newBuilder(url(A))
                .POST(HttpRequest.BodyPublishers.ofString(s.body)).build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsAGarbageSignature() throws Exception {
        Signed s = signed(A, tokenA, body(A, "ok", fingerprintA));
        assertThat(post(A, new Signed(s.body, s.timestamp, "zz-not-hex")).statusCode()).isEqualTo(401);
        assertThat(post(A, new Signed(s.body, s.timestamp, "00".repeat(32))).statusCode()).isEqualTo(401);
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsTheOtherNodesToken() throws Exception {
        assertThat(post(A, signed(A, tokenB, body(A, "ok", fingerprintA))).statusCode()).isEqualTo(401);
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsAProofMadeForAnotherNodesPath() throws Exception {
        // B's own valid request, replayed against A's path.
        Signed forB = signed(B, tokenB, body(B, "ok", fingerprintB));
        assertThat(post(A, forB).statusCode()).isEqualTo(401);
        assertRunStateUnchanged(A);
        assertRunStateUnchanged(B);
    }

    @Test
    void rejectsAnAlteredBody() throws Exception {
        Signed s = signed(A, tokenA, body(A, "ok", fingerprintA));
        Signed altered = new Signed(s.body.replace("\"ok\"", "\"failed:x\""), s.timestamp, s.signature);
        assertThat(post(A, altered).statusCode()).isEqualTo(401);
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsAReplayedCallBack() throws Exception {
        CompletableFuture<CallbackReport> waiting = server.awaitNode(A, Duration.ofHours(1));
        Signed s = signed(A, tokenA, body(A, "ok", fingerprintA));
        assertThat(post(A, s).statusCode()).isEqualTo(200);
        CallbackReport first = waiting.get(10, TimeUnit.SECONDS);

        assertThat(post(A, s).statusCode()).isEqualTo(409);
        assertThat(post(A, signed(A, tokenA, body(A, "failed:later", fingerprintA))).statusCode()).isEqualTo(409);

        assertThat(server.status(A)).contains(CallbackServer.NodeStatus.ACCEPTED);
        assertThat(waiting.get()).isSameAs(first);
        assertThat(server.rejections(A)).allMatch(line -> line.startsWith("409 "));
        // The captured request is known by its nonce; a newly signed one finds the token spent.
        assertThat(server.rejections(A)).satisfiesExactly(
                line -> assertThat(line).contains("replayed request (its nonce was used before)"),
                line -> assertThat(line).contains("token already spent"));
    }

    @Test
    void refusesASignedCallBackWithAYearOldTimestampAndTellsTheServersTime() throws Exception {
        long yearAgo = Instant.now().minus(Duration.ofDays(365)).getEpochSecond();

        HttpResponse<String> r = post(A, signed(A, tokenA, body(A, "ok", fingerprintA, yearAgo)));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().strip()).isEqualTo("stale timestamp");
        long told = Long.parseLong(r.headers().firstValue(CallbackProof.SERVER_TIME_HEADER).orElseThrow());
        assertThat(told).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 60);
        assertThat(server.rejections(A)).singleElement().asString().contains("stale timestamp");
        assertRunStateUnchanged(A);
    }

    @Test
    void refusesATimestampJustOutsideTheWindowEitherWayAndAcceptsOneInside() throws Exception {
        long now = Instant.now().getEpochSecond();
        long window = CallbackLimits.DEFAULTS.freshness().toSeconds();

        assertThat(post(A, signed(A, tokenA, body(A, "ok", fingerprintA, now - window - 60))).statusCode()).isEqualTo(400);
        assertThat(post(A, signed(A, tokenA, body(A, "ok", fingerprintA, now + window + 60))).statusCode()).isEqualTo(400);
        assertThat(server.status(A)).contains(CallbackServer.NodeStatus.PENDING);
        assertThat(post(A, signed(A, tokenA, body(A, "ok", fingerprintA, now - window + 60))).statusCode()).isEqualTo(200);
    }

    @Test
    void aNodeWhoseClockIsHoursOffSignsAgainWithTheServersTimeAndIsAccepted() throws Exception {
        // The node's real-time clock runs three hours ahead (a physical machine's RTC).
        long nodeClock = Instant.now().plus(Duration.ofHours(3)).getEpochSecond();
        CompletableFuture<CallbackReport> waiting = server.awaitNode(A, Duration.ofHours(1));
        HttpResponse<String> first = post(A, signed(A, tokenA, body(A, "ok", fingerprintA, nodeClock)));
        assertThat(first.statusCode()).isEqualTo(400);

        long serverTime = Long.parseLong(first.headers().firstValue(CallbackProof.SERVER_TIME_HEADER).orElseThrow());
        assertThat(post(A, signed(A, tokenA, body(A, "ok", fingerprintA, serverTime))).statusCode()).isEqualTo(200);

        assertThat(waiting.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(CallbackReport.Outcome.READY);
    }

    @Test
    void aStaleTimestampWithoutAValidProofLearnsNothing() throws Exception {
        long yearAgo = Instant.now().minus(Duration.ofDays(365)).getEpochSecond();

        HttpResponse<String> r = post(A, signed(A, tokenB, body(A, "ok", fingerprintA, yearAgo)));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue(CallbackProof.SERVER_TIME_HEADER)).isEmpty();
    }

    @Test
    void aFloodOfBadRequestsGivesOneSummaryLineAndKeepsBoundedDetails() throws Exception {
        List<String> summaries = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (CallbackServer quiet = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                java.time.Clock.systemUTC(), CallbackLimits.DEFAULTS.withSummaryEvery(Duration.ofHours(1)),
                summaries::add)) {
            quiet.expect(new ExpectedCallback(A, tokenA, Set.of(fingerprintA), Duration.ofHours(1)));
            URI target = URI.create("http://127.0.0.1:" + quiet.address().getPort() + CallbackServer.PATH_PREFIX + A);
            for (int i = 0; i < 200; i++) {
                Signed s = signed(A, tokenB, body(A, "ok", fingerprintA));
                assertThat(send(HttpRequest.newBuilder(target).header(CallbackProof.TIMESTAMP_HEADER, s.timestamp)
                        .header(CallbackProof.SIGNATURE_HEADER, s.signature)
                        .POST(HttpRequest.BodyPublishers.ofString(s.body)).build()).statusCode()).isEqualTo(401);
            }
            assertThat(summaries).isEmpty();
            assertThat(quiet.rejections(A)).hasSize(100);
        }
        assertThat(summaries).singleElement().asString()
                .startsWith("200 call-back request(s) rejected in the last 60 min")
                .contains("401 wrong proof");
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        String node = "late-node";
        CallbackToken token = TestKeys.token();
        server.expect(new ExpectedCallback(node, token, Set.of(fingerprintA), Duration.ZERO));
        CompletableFuture<CallbackReport> waiting = server.awaitNode(node, Duration.ofHours(1));

        assertThat(post(node, signed(node, token, body(node, "ok", fingerprintA))).statusCode()).isEqualTo(410);

        assertThat(server.status(node)).contains(CallbackServer.NodeStatus.PENDING);
        assertThat(waiting).isNotDone();
    }

    @Test
    void rejectsAnOversizedBodyByItsDeclaredLengthWithoutReadingIt() throws Exception {
        // Declares 10 MB and sends none of it: the answer comes anyway, so the server did not wait to read it.
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /callback/" + A + " HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsAnOversizedChunkedBodyAfterTheLimit() throws Exception {
        byte[] big = new byte[CallbackServer.DEFAULT_BODY_LIMIT + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /callback/" + A + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(big.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(big);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsMalformedJsonEvenWithAValidProof() throws Exception {
        for (String bad : List.of("{", "[]", "{\"node\":\"" + A + "\"}", body(A, "ok", "SHA256:short"),
                body(A, "ok; rm -rf /", fingerprintA), "{\"node\":\"" + A + "\",\"extra\":1}")) {
            assertThat(post(A, signed(A, tokenA, bad)).statusCode()).as(bad).isEqualTo(400);
        }
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsABodyThatNamesAnotherNode() throws Exception {
        assertThat(post(A, signed(A, tokenA, body(B, "ok", fingerprintA))).statusCode()).isEqualTo(400);
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsOtherMethodsAndUnknownNodes() throws Exception {
        assertThat(send(HttpRequest.newBuilder(url(A)).GET().build()).statusCode()).isEqualTo(405);
        Signed s = signed("sales-db9", tokenA, body("sales-db9", "ok", fingerprintA));
        assertThat(post("sales-db9", s).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/callback/..%2F" + A))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(404);
        assertRunStateUnchanged(A);
    }

    @Test
    void rejectsAndReportsHostKeysThatWereNotGenerated() throws Exception {
        CompletableFuture<CallbackReport> waiting = server.awaitNode(A, Duration.ofHours(1));
        String stranger = HostKeyFingerprint.of(TestKeys.ed25519PublicLine("root@elsewhere"));

        assertThat(post(A, signed(A, tokenA, body(A, "ok", stranger))).statusCode()).isEqualTo(403);

        CallbackReport report = waiting.get(10, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.HOST_KEY_MISMATCH);
        assertThat(report.postedFingerprints()).containsExactly(stranger);
        assertThat(report.expectedFingerprints()).containsExactly(fingerprintA);
        assertThat(report.describe()).contains(stranger, fingerprintA);
        // The node stays untrusted: a later "good" call back cannot turn it into a ready node.
        assertThat(post(A, signed(A, tokenA, body(A, "ok", fingerprintA))).statusCode()).isEqualTo(409);
        assertThat(server.status(A)).contains(CallbackServer.NodeStatus.HOST_KEY_MISMATCH);
    }

    @Test
    void timesOutWithAReportOfTheWaitAndWhatToCheck() throws Exception {
        post(A, signed(A, tokenB, body(A, "ok", fingerprintA)));

        CallbackReport report = server.awaitNode(A, Duration.ofMillis(1)).get(10, TimeUnit.SECONDS);

        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.TIMED_OUT);
        assertThat(report.node()).isEqualTo(A);
        assertThat(report.describe()).startsWith("no call back from " + A + " after ");
        assertThat(report.hints()).anyMatch(h -> h.contains("/callback/" + A))
                .anyMatch(h -> h.contains("powered on"))
                .anyMatch(h -> h.contains("401 wrong proof"));
        assertThat(server.status(A)).contains(CallbackServer.NodeStatus.PENDING);
    }

    @Test
    void neverPutsATokenIntoRejectionsOrReports() throws Exception {
        post(A, signed(A, tokenB, body(A, "ok", fingerprintA)));
        CallbackReport report = server.awaitNode(A, Duration.ofMillis(1)).get(10, TimeUnit.SECONDS);
        String tokenAText = new String(tokenA.fileContent(), StandardCharsets.US_ASCII).strip();
        String tokenBText = new String(tokenB.fileContent(), StandardCharsets.US_ASCII).strip();
        assertThat(report.describe() + server.rejections(A)).doesNotContain(tokenAText, tokenBText);
        assertThat(tokenA.toString()).doesNotContain(tokenAText);
    }

    @Test
    void listensOnTheConfiguredManagementAddressOnly() throws Exception {
        InetAddress own = ownNonLoopbackAddress();
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, own)) {
            port = probe.getLocalPort();
        }
        var config = TestClusters.withManagement(TestClusters.twoNodes(), own.getHostAddress(), port);
        try (CallbackServer s = CallbackServer.forConfig(config)) {
            assertThat(s.address().getAddress()).isEqualTo(own);
            assertThat(s.address().getPort()).isEqualTo(port);
            // Not on every interface: loopback has nothing listening on that port.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void refusesToListenOnAnUnspecifiedLoopbackBroadcastOrMulticastAddress() {
        for (String address : List.of("0.0.0.0", "127.0.0.1", "255.255.255.255", "224.0.0.1", "::", "::1")) {
            var config = TestClusters.withManagement(TestClusters.twoNodes(), address, 8740);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallbackServer.forConfig(config).close())
                    .as(address).isInstanceOf(SeedException.class)
                    .hasMessageStartingWith("management.address: '" + address + "' is not a unicast address");
        }
    }

    @Test
    void refusesAManagementAddressThatIsNotThisMachinesNamingTheConfigPath() {
        // 198.51.100.1 (TEST-NET-2) is on no interface here: nothing listens, nothing is sent anywhere.
        var config = TestClusters.withManagement(TestClusters.twoNodes(), "198.51.100.1", 8740);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallbackServer.forConfig(config))
                .isInstanceOf(SeedException.class).hasMessageContaining("management.address")
                .hasMessageContaining("not an address of this workstation");
        var named = TestClusters.withManagement(TestClusters.twoNodes(), "mgmt.example.org", 8740);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallbackServer.forConfig(named))
                .isInstanceOf(SeedException.class).hasMessageContaining("is not an IP address");
    }

    /** An IPv4 address of one of this machine's interfaces other than loopback (CI machines and the lab have one). */
    static InetAddress ownNonLoopbackAddress() throws java.net.SocketException {
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        org.junit.jupiter.api.Assumptions.abort("this machine has no non-loopback IPv4 address to listen on");
        return null;
    }

    /** The run's state for this node did not move: still pending, nobody told it is done, and the real call back still works. */
    private void assertRunStateUnchanged(String node) throws Exception {
        assertThat(server.status(node)).contains(CallbackServer.NodeStatus.PENDING);
        CompletableFuture<CallbackReport> waiting = server.awaitNode(node, Duration.ofHours(1));
        assertThat(waiting).isNotDone();
        CallbackToken token = node.equals(A) ? tokenA : tokenB;
        String fp = node.equals(A) ? fingerprintA : fingerprintB;
        assertThat(post(node, signed(node, token, body(node, "ok", fp))).statusCode()).isEqualTo(200);
        assertThat(waiting.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(CallbackReport.Outcome.READY);
    }

    private static String body(String node, String status, String fingerprint) {
        return body(node, status, fingerprint, Instant.now().getEpochSecond());
    }

    /** A body signed at {@code epochSeconds}, with a new nonce each time (as node-prep makes one per attempt). */
    private static String body(String node, String status, String fingerprint, long epochSeconds) {
        return new CallbackBody(node, String.valueOf(epochSeconds), UUID.randomUUID().toString().replace("-", ""),
                status, List.of(fingerprint)).toJson();
    }

    private record Signed(String body, String timestamp, String signature) { }

    private static Signed signed(String node, CallbackToken token, String body) {
        String timestamp = body.replaceAll(".*\"timestamp\":\"([^\"]*)\".*", "$1");
        if (timestamp.equals(body)) {
            timestamp = "0";
        }
        return new Signed(body, timestamp, CallbackProof.sign(token, "POST", CallbackServer.PATH_PREFIX + node,
                timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> post(String node, Signed s) throws Exception {
        return send(HttpRequest.newBuilder(url(node))
                .header(CallbackProof.TIMESTAMP_HEADER, s.timestamp)
                .header(CallbackProof.SIGNATURE_HEADER, s.signature)
                .POST(HttpRequest.BodyPublishers.ofString(s.body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + server.address().getPort();
    }

    private URI url(String node) {
        return URI.create(base() + CallbackServer.PATH_PREFIX + node);
    }
}
