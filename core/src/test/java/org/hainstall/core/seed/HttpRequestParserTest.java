package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpRequestParserTest {
    private final HttpRequestParser parser = new HttpRequestParser(1024, 64);

    private HttpRequestParser.State feedByteByByte(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        HttpRequestParser.State state = parser.state();
        for (int i = 0; i < bytes.length; i++) {
            state = parser.offer(bytes, i, 1);
        }
        return state;
    }

    @Test
    void readsARequestThatArrivesOneByteAtATime() {
        String request = "POST /callback/n1?x=1 HTTP/1.1\r\nHost: a\r\nX-Hainstall-Timestamp: 17\r\n"
                + "Content-Length: 5\r\n\r\nhello";

        assertThat(feedByteByByte(request)).isEqualTo(HttpRequestParser.State.COMPLETE);
        HttpRequestParser.Request r = parser.request();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/callback/n1");
        assertThat(r.header("x-hainstall-timestamp")).isEqualTo("17");
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void waitsForTheWholeBody() {
        assertThat(feedByteByByte("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel"))
                .isEqualTo(HttpRequestParser.State.NEED_MORE);
    }

    @Test
    void decodesAChunkedBody() {
        String request = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nhel\r\n2\r\nlo\r\n0\r\n"
                + "Trailer: x\r\n\r\n";

        assertThat(feedByteByByte(request)).isEqualTo(HttpRequestParser.State.COMPLETE);
        assertThat(new String(parser.request().body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void refusesADeclaredBodyOverTheLimitBeforeReadingIt() {
        assertThat(feedByteByByte("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n"))
                .isEqualTo(HttpRequestParser.State.REFUSED);
        assertThat(parser.refusedCode()).isEqualTo(413);
    }

    @Test
    void refusesChunksThatTogetherPassTheLimit() {
        String chunk = Integer.toHexString(40) + "\r\n" + "x".repeat(40) + "\r\n";
        assertThat(feedByteByByte("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk))
                .isEqualTo(HttpRequestParser.State.REFUSED);
        assertThat(parser.refusedCode()).isEqualTo(413);
    }

    @Test
    void refusesAHeadOverItsLimit() {
        assertThat(feedByteByByte("POST / HTTP/1.1\r\nX: " + "a".repeat(1100)))
                .isEqualTo(HttpRequestParser.State.REFUSED);
        assertThat(parser.refusedCode()).isEqualTo(431);
    }

    @Test
    void refusesAmbiguousOrMalformedFraming() {
        for (String bad : new String[] {
                "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "POST / HTTP/1.1\nHost: a\n\n",
                "POST / HTTP/1.1\r\n folded: header\r\n\r\n",
                "POST /x HTTP/2.0\r\n\r\n",
                "post / HTTP/1.1\r\n\r\n",
                "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"}) {
            HttpRequestParser p = new HttpRequestParser(1024, 64);
            byte[] bytes = bad.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(p.offer(bytes, 0, bytes.length)).as(bad).isEqualTo(HttpRequestParser.State.REFUSED);
            assertThat(p.refusedCode()).as(bad).isIn(400, 501);
        }
    }

    @Test
    void asksForContinueOnceWhenTheClientWaitsForIt() {
        feedByteByByte("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");

        assertThat(parser.takeContinueRequest()).isTrue();
        assertThat(parser.takeContinueRequest()).isFalse();
    }
}
