package org.hainstall.core.seed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 request as its bytes arrive, never holding more than the limits allow: the request line and
 * headers up to {@code headerLimit} (else 431), a body by {@code Content-Length} (a declared length over
 * {@code bodyLimit} is refused before any of it is read: 413) or chunked (refused once the chunks pass the limit).
 * Strict on framing, since only node-prep's curl has to be understood: CRLF line ends, no folded headers, no
 * Content-Length beside Transfer-Encoding.
 */
final class HttpRequestParser {
    enum State { NEED_MORE, COMPLETE, REFUSED }

    /** A complete request: header names lower-cased, the first value of each kept. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The target without its query. */
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,20}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    private static final int MAX_HEADERS = 64;
    private static final int MAX_CHUNK_LINE = 64;

    private enum Phase { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private final int headerLimit;
    private final int bodyLimit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Phase phase = Phase.HEAD;
    private State state = State.NEED_MORE;
    private int headBytes;
    private long remaining;
    private int trailerBytes;
    private String method;
    private String target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean wantsContinue;
    private int refusedCode;
    private String refusedWhy;

    HttpRequestParser(int headerLimit, int bodyLimit) {
        this.headerLimit = headerLimit;
        this.bodyLimit = bodyLimit;
    }

    /** Takes the next bytes; returns the state after them. Bytes past a complete or refused request are ignored. */
    State offer(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length && state == State.NEED_MORE; i++) {
            take(data[i]);
        }
        return state;
    }

    State state() {
        return state;
    }

    /** True once, when the head asked for {@code 100 Continue} and the body is still to come. */
    boolean takeContinueRequest() {
        boolean w = wantsContinue && state == State.NEED_MORE;
        wantsContinue = false;
        return w;
    }

    Request request() {
        if (state != State.COMPLETE) {
            throw new IllegalStateException("no complete request");
        }
        return new Request(method, target, Map.copyOf(headers), body.toByteArray());
    }

    int refusedCode() {
        return refusedCode;
    }

    String refusedWhy() {
        return refusedWhy;
    }

    private void take(byte b) {
        switch (phase) {
            case HEAD -> {
                if (++headBytes > headerLimit) {
                    refuse(431, "request line and headers over " + headerLimit + " bytes");
                    return;
                }
                headLine(b);
            }
            case BODY -> {
                body.write(b);
                if (--remaining == 0) {
                    complete();
                }
            }
            case CHUNK_SIZE -> chunkSizeLine(b);
            case CHUNK_DATA -> {
                body.write(b);
                if (--remaining == 0) {
                    phase = Phase.CHUNK_END;
                }
            }
            case CHUNK_END -> {
                line.write(b);
                if (line.size() == 2) {
                    byte[] crlf = line.toByteArray();
                    line.reset();
                    if (crlf[0] != '\r' || crlf[1] != '\n') {
                        refuse(400, "malformed chunk");
                        return;
                    }
                    phase = Phase.CHUNK_SIZE;
                }
            }
            case TRAILERS -> {
                if (++trailerBytes > headerLimit) {
                    refuse(431, "trailers over " + headerLimit + " bytes");
                    return;
                }
                String l = lineEnd(b);
                if (l != null && l.isEmpty()) {
                    complete();
                }
            }
            default -> { }
        }
    }

    private void headLine(byte b) {
        String l = lineEnd(b);
        if (l == null) {
            return;
        }
        if (method == null) {
            requestLine(l);
        } else if (l.isEmpty()) {
            endOfHead();
        } else {
            header(l);
        }
    }

    /** The line when {@code b} ends one with CRLF, else null. */
    private String lineEnd(byte b) {
        if (b != '\n') {
            line.write(b);
            return null;
        }
        byte[] bytes = line.toByteArray();
        line.reset();
        int n = bytes.length;
        if (n < 1 || bytes[n - 1] != '\r') {
            refuse(400, "a line not ended by CRLF");
            return null;
        }
        return new String(bytes, 0, n - 1, StandardCharsets.ISO_8859_1);
    }

    private void requestLine(String l) {
        String[] parts = l.split(" ", -1);
        if (parts.length != 3 || !METHOD.matcher(parts[0]).matches() || !parts[1].startsWith("/")
                || !(parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"))) {
            refuse(400, "malformed request line");
            return;
        }
        method = parts[0];
        target = parts[1];
    }

    private void header(String l) {
        int colon = l.indexOf(':');
        if (colon <= 0 || !TOKEN.matcher(l.substring(0, colon)).matches()) {
            refuse(400, "malformed header line");
            return;
        }
        if (headers.size() >= MAX_HEADERS) {
            refuse(431, "more than " + MAX_HEADERS + " headers");
            return;
        }
        headers.putIfAbsent(l.substring(0, colon).toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
    }

    private void endOfHead() {
        String te = headers.get("transfer-encoding");
        String cl = headers.get("content-length");
        if (te != null && cl != null) {
            refuse(400, "both Content-Length and Transfer-Encoding");
            return;
        }
        wantsContinue = "100-continue".equalsIgnoreCase(headers.get("expect"));
        if (te != null) {
            if (!te.equalsIgnoreCase("chunked")) {
                refuse(501, "transfer encoding other than chunked");
                return;
            }
            phase = Phase.CHUNK_SIZE;
            return;
        }
        if (cl == null) {
            complete();
            return;
        }
        if (!cl.matches("[0-9]{1,18}")) {
            refuse(400, "malformed Content-Length");
            return;
        }
        long declared = Long.parseLong(cl);
        if (declared > bodyLimit) {
            refuse(413, "body of " + declared + " bytes (limit " + bodyLimit + ")");
        } else if (declared == 0) {
            complete();
        } else {
            remaining = declared;
            phase = Phase.BODY;
        }
    }

    private void chunkSizeLine(byte b) {
        if (line.size() >= MAX_CHUNK_LINE) {
            refuse(400, "malformed chunk size");
            return;
        }
        String l = lineEnd(b);
        if (l == null) {
            return;
        }
        String hex = l.contains(";") ? l.substring(0, l.indexOf(';')) : l;
        if (!hex.strip().matches("[0-9A-Fa-f]{1,8}")) {
            refuse(400, "malformed chunk size");
            return;
        }
        long size = Long.parseLong(hex.strip(), 16);
        if (size == 0) {
            phase = Phase.TRAILERS;
        } else if (body.size() + size > bodyLimit) {
            refuse(413, "chunked body over " + bodyLimit + " bytes");
        } else {
            remaining = size;
            phase = Phase.CHUNK_DATA;
        }
    }

    private void complete() {
        phase = Phase.DONE;
        state = State.COMPLETE;
    }

    private void refuse(int code, String why) {
        phase = Phase.DONE;
        state = State.REFUSED;
        refusedCode = code;
        refusedWhy = why;
    }
}
