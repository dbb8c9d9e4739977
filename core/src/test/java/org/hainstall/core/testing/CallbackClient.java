package org.hainstall.core.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hainstall.core.seed.CallbackBody;
import org.hainstall.core.seed.CallbackProof;
import org.hainstall.core.seed.CallbackServer;
import org.hainstall.core.seed.CallbackToken;

/** Stands in for a node's call back in the provisioners' tests (node-prep.sh itself is tested in the seed package). */
public final class CallbackClient {
    private CallbackClient() {
    }

    public static int callBack(CallbackServer server, String node, CallbackToken token, String fingerprint) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String body = new CallbackBody(node, ts, "n0nce", "ok", List.of(fingerprint)).toJson();
        String path = CallbackServer.PATH_PREFIX + node;
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                    .header(CallbackProof.TIMESTAMP_HEADER, ts)
                    .header(CallbackProof.SIGNATURE_HEADER, CallbackProof.sign(token, "POST", path, ts,
                            body.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
