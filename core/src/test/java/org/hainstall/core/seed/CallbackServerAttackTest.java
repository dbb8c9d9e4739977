package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FAULTS.md 42: slow, silent and numerous connections to the real call-back server over TCP. The attackers connect
 * from their own loopback addresses (127.0.1.x: Linux routes all of 127/8 to lo), as attackers on a network would
 * from theirs; the node calls back from 127.0.0.1. A call back is sent with a client timeout only as a hang guard.
 */
class CallbackServerAttackTest {
    private static final String NODE = "sales-db1";
    private static final String PARTIAL_HEAD = "POST /callback/" + NODE + " HTTP/1.1\r\nHost: x\r\n";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final List<Socket> attackers = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final CallbackToken token = TestKeys.token();
    private final String fingerprint = HostKeyFingerprint.of(TestKeys.ed25519PublicLine("root@" + NODE));
    private CallbackServer server;

    @AfterEach
    void stop() throws IOException {
        trickle.shutdownNow();
        for (Socket s : attackers) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aValidCallBackIsAcceptedWhilePartialAndSlowConnectionsAreOpen() throws Exception {
        // Timeouts far beyond the test, so the attack is surely still on when the node calls back: what lets the
        // call back through is that no connection holds a thread, not that the attackers were timed out.
        start(CallbackLimits.DEFAULTS.withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5)));
        for (int i = 1; i <= 8; i++) {
            attacker(i).getOutputStream().write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));
        }
        List<Socket> slow = new ArrayList<>();
        for (int i = 9; i < 59; i++) {
            slow.add(attacker(i));
        }
        int[] sent = {0};
        trickle.scheduleAtFixedRate(() -> {
            for (Socket s : slow) {
                try {
                    s.getOutputStream().write(endlessHead(sent[0]));
                } catch (IOException closed) {
                    // counted below: every attacker must still be connected when the call back is accepted
                }
            }
            sent[0]++;
        }, 0, 100, TimeUnit.MILLISECONDS);
        CompletableFuture<CallbackReport> waiting = server.awaitNode(NODE, Duration.ofMinutes(5));

        HttpResponse<String> answer = callBack();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(waiting.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(CallbackReport.Outcome.READY);
        assertThat(attackers).hasSize(58).allSatisfy(s -> assertThat(stillOpen(s)).as("attack still going on").isTrue());
    }

    @Test
    void closesAConnectionThatFallsSilentMidRequest() throws Exception {
        start(CallbackLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(300)));
        Socket silent = attacker(1);
        silent.getOutputStream().write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));

        assertThat(readsToTheEnd(silent)).as("closed by the server").isTrue();
        assertThat(callBack().statusCode()).isEqualTo(200);
    }

    @Test
    void closesAConnectionThatTricklesItsRequestPastTheDeadline() throws Exception {
        start(CallbackLimits.DEFAULTS.withTimeouts(Duration.ofMillis(800), Duration.ofSeconds(30)));
        Socket slow = attacker(1);
        int[] sent = {0};
        trickle.scheduleAtFixedRate(() -> {
            try {
                slow.getOutputStream().write(endlessHead(sent[0]++));
            } catch (IOException closed) {
                // the server closed it: what this test waits for
            }
        }, 0, 50, TimeUnit.MILLISECONDS);

        // Never idle (a byte every 50 ms, idle limit 30 s): only the request deadline can end it.
        assertThat(readsToTheEnd(slow)).as("closed by the server").isTrue();
    }

    @Test
    void capsTheConnectionsOfOneAddressAndTheNodeStillGetsIn() throws Exception {
        start(CallbackLimits.DEFAULTS.withConnections(64, 4));
        List<Socket> sameAddress = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sameAddress.add(attacker(1));
        }

        long refused = sameAddress.stream().filter(CallbackServerAttackTest::refusedAtOnce).count();

        assertThat(refused).isEqualTo(8);
        assertThat(callBack().statusCode()).isEqualTo(200);
    }

    @Test
    void capsTheConnectionsInAll() throws Exception {
        start(CallbackLimits.DEFAULTS.withConnections(6, 2));
        for (int i = 1; i <= 6; i++) {
            attacker(i).getOutputStream().write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));
        }

        Socket seventh = attacker(7);

        assertThat(refusedAtOnce(seventh)).isTrue();
        assertThat(attackers.subList(0, 6)).allSatisfy(s -> assertThat(stillOpen(s)).isTrue());
    }

    @Test
    void refusesAHeadThatNeverEndsAtItsLimit() throws Exception {
        start(CallbackLimits.DEFAULTS);
        Socket s = attacker(1);
        OutputStream out = s.getOutputStream();
        out.write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));
        out.write(("X-Filler: " + "a".repeat(CallbackLimits.DEFAULTS.headerLimit()) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        s.setSoTimeout(15_000);

        assertThat(new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 431");
    }

    private void start(CallbackLimits limits) throws IOException {
        server = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC(),
                limits);
        server.expect(new ExpectedCallback(NODE, token, Set.of(fingerprint), Duration.ofHours(1)));
    }

    /** Byte {@code i} of a well-formed request head that never ends: the request line, then header after header. */
    private static int endlessHead(int i) {
        byte[] head = PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII);
        byte[] filler = "X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII);
        return i < head.length ? head[i] : filler[(i - head.length) % filler.length];
    }

    /** A connection from 127.0.1.{@code host}. */
    private Socket attacker(int host) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.1." + host), 0));
        s.connect(server.address(), 10_000);
        attackers.add(s);
        return s;
    }

    private HttpResponse<String> callBack() throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String body = new CallbackBody(NODE, timestamp, UUID.randomUUID().toString().replace("-", ""), "ok",
                List.of(fingerprint)).toJson();
        String signature = CallbackProof.sign(token, "POST", CallbackServer.PATH_PREFIX + NODE, timestamp,
                body.getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort()
                        + CallbackServer.PATH_PREFIX + NODE))
                .timeout(Duration.ofSeconds(20))
                .header(CallbackProof.TIMESTAMP_HEADER, timestamp).header(CallbackProof.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** No answer and no close within a moment: the server still holds the connection. */
    private static boolean stillOpen(Socket s) {
        try {
            s.setSoTimeout(5);
            return s.getInputStream().read() >= 0;
        } catch (SocketTimeoutException stillWaiting) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** The server answered 503 and closed, without waiting for anything from the client. */
    private static boolean refusedAtOnce(Socket s) {
        try {
            s.setSoTimeout(500);
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return status.equals("HTTP/1.1 503");
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Reads until the server closes the connection (true), or gives up after a generous hang guard (false). */
    private static boolean readsToTheEnd(Socket s) throws IOException {
        s.setSoTimeout(15_000);
        try {
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // the server may say nothing before it closes
            }
            return true;
        } catch (SocketTimeoutException neverClosed) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
