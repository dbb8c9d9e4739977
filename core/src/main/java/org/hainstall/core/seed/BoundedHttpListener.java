package org.hainstall.core.seed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small HTTP/1.1 server whose every cost is bounded, for the call back. One selector thread reads all connections
 * without blocking; a request reaches the handler only when it is complete ({@link HttpRequestParser}), so a slow or
 * silent client holds a buffer of at most the limits, never a thread. Each connection has a deadline from its accept
 * and an idle timeout; connections are capped in all and per client address; one request per connection, then the
 * answer, a half-close and a short drain of what the client still sends (so it reads the answer, not a reset).
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: it reads the request line and headers on its handler threads
 * with blocking reads and no timeout of its own, so a handful of connections that send half a request stall every
 * call back (8 were enough with an 8-thread pool). Its only timeouts are the {@code sun.net.httpserver.maxReqTime}
 * and {@code idleInterval} system properties: global to the JVM, read once, and it has no connection caps at all.
 * A guard in front of it would have to parse HTTP anyway to know when a request is complete; parsing the one POST
 * node-prep sends is less code than proxying, and no new dependency.
 */
final class BoundedHttpListener implements AutoCloseable {
    /** An answer: status, a short text body, extra headers. */
    record Answer(int code, String body, Map<String, String> headers) {
        Answer {
            headers = Map.copyOf(headers);
        }

        Answer(int code, String body) {
            this(code, body, Map.of());
        }
    }

    /** Decides a complete request. Runs on the listener's thread: it must be quick and must not block. */
    interface Handler {
        Answer handle(HttpRequestParser.Request request, InetSocketAddress from);
    }

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** After the answer, at most this much of what the client still sends is read and dropped. */
    private static final int DRAIN_LIMIT = 64 * 1024;

    private final CallbackLimits limits;
    private final Handler handler;
    private final Consumer<String> refusals;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final InetSocketAddress address;
    private final Thread loop;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(4096);
    private final Map<InetAddress, Integer> perClient = new HashMap<>();
    private int open;
    private volatile boolean running = true;

    private BoundedHttpListener(CallbackLimits limits, Handler handler, Consumer<String> refusals,
                                ServerSocketChannel server, Selector selector) throws IOException {
        this.limits = limits;
        this.handler = handler;
        this.refusals = refusals;
        this.server = server;
        this.selector = selector;
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.loop = new Thread(this::run, "hainstall-callback");
        loop.setDaemon(true);
    }

    /**
     * Binds to {@code bindTo} and serves until closed.
     *
     * @param refusals one line for each connection or request refused before it reached the handler
     */
    static BoundedHttpListener start(InetSocketAddress bindTo, CallbackLimits limits, Handler handler,
                                     Consumer<String> refusals) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        Selector selector = null;
        try {
            server.bind(bindTo, 64);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            BoundedHttpListener listener = new BoundedHttpListener(limits, handler, refusals, server, selector);
            listener.loop.start();
            return listener;
        } catch (IOException | RuntimeException e) {
            server.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long tick = Math.max(10, Math.min(250, Math.min(limits.idleTimeout().toMillis(),
                limits.requestTimeout().toMillis()) / 4));
        try {
            while (running) {
                selector.select(tick);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    serve(key);
                }
                expire();
            }
        } catch (IOException | RuntimeException e) {
            refusals.accept("the call-back listener stopped: " + e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Connection c) {
                    c.close();
                }
            }
            closeQuietly(server);
            closeQuietly(selector);
        }
    }

    private void serve(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            acceptAll();
            return;
        }
        Connection c = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                c.read();
            }
            if (key.isValid() && key.isWritable()) {
                c.write();
            }
        } catch (IOException e) {
            c.close();
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return; // out of descriptors, say: the next round tries again
            }
            if (channel == null) {
                return;
            }
            admit(channel);
        }
    }

    private void admit(SocketChannel channel) {
        InetSocketAddress from;
        try {
            from = (InetSocketAddress) channel.getRemoteAddress();
            channel.configureBlocking(false);
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        int mine = perClient.getOrDefault(from.getAddress(), 0);
        String refused = open >= limits.maxConnections()
                ? open + " connections open, the limit"
                : mine >= limits.maxPerClient() ? mine + " connections open from its address, the limit" : null;
        if (refused != null) {
            refusals.accept("503 connection from " + from + " closed at once: " + refused);
            try {
                channel.write(ByteBuffer.wrap(head(503, 0, Map.of())));
            } catch (IOException ignored) {
                // closed below either way
            }
            closeQuietly(channel);
            return;
        }
        try {
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(new Connection(channel, key, from));
            open++;
            perClient.merge(from.getAddress(), 1, Integer::sum);
        } catch (IOException e) {
            closeQuietly(channel);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        List<Connection> late = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c && c.expired(now) != null) {
                late.add(c);
            }
        }
        for (Connection c : late) {
            String why = c.expired(now);
            if (!c.answered) {
                refusals.accept("connection from " + c.from + " closed: " + why);
            }
            c.close();
        }
    }

    private static byte[] head(int code, int length, Map<String, String> extra) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(code).append(' ').append(reason(code)).append("\r\n")
                .append("Content-Type: text/plain; charset=utf-8\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        extra.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
        return sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String reason(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing left to do with it
        }
    }

    /** One client connection: reading its request, writing the answer, then draining until it closes. */
    private final class Connection {
        final SocketChannel channel;
        final SelectionKey key;
        final InetSocketAddress from;
        final long deadline;
        final HttpRequestParser parser = new HttpRequestParser(limits.headerLimit(), limits.bodyLimit());
        long lastActive;
        ByteBuffer out;
        boolean answered;
        boolean draining;
        int drained;
        boolean closed;

        Connection(SocketChannel channel, SelectionKey key, InetSocketAddress from) {
            this.channel = channel;
            this.key = key;
            this.from = from;
            this.lastActive = System.nanoTime();
            this.deadline = lastActive + limits.requestTimeout().toNanos();
        }

        /** Why this connection must go now, or null. */
        String expired(long now) {
            if (now - deadline >= 0) {
                return draining ? "done" : "no complete request within " + limits.requestTimeout().toMillis() + " ms";
            }
            if (now - lastActive >= limits.idleTimeout().toNanos()) {
                return draining ? "done" : "idle for " + limits.idleTimeout().toMillis() + " ms";
            }
            return null;
        }

        void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                if (!answered) {
                    refusals.accept("connection from " + from + " closed by the client before a complete request");
                }
                close();
                return;
            }
            lastActive = System.nanoTime();
            if (draining) {
                drained += n;
                if (drained > DRAIN_LIMIT) {
                    close();
                }
                return;
            }
            HttpRequestParser.State state = parser.offer(readBuffer.array(), 0, n);
            if (parser.takeContinueRequest()) {
                channel.write(ByteBuffer.wrap(CONTINUE));
            }
            if (state == HttpRequestParser.State.COMPLETE) {
                answer(decide());
            } else if (state == HttpRequestParser.State.REFUSED) {
                refusals.accept(parser.refusedCode() + " " + parser.refusedWhy() + " from " + from);
                answer(new Answer(parser.refusedCode(), "rejected"));
            }
        }

        private Answer decide() {
            try {
                return handler.handle(parser.request(), from);
            } catch (RuntimeException e) {
                refusals.accept("500 request from " + from + " failed: " + e.getClass().getSimpleName());
                return new Answer(500, "internal error");
            }
        }

        void answer(Answer a) throws IOException {
            answered = true;
            byte[] body = (a.body() + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] head = head(a.code(), body.length, a.headers());
            out = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
            key.interestOps(SelectionKey.OP_WRITE);
            write();
        }

        void write() throws IOException {
            channel.write(out);
            lastActive = System.nanoTime();
            if (!out.hasRemaining()) {
                // Half-close and drain: closing with unread input would reset the connection and lose the answer.
                channel.shutdownOutput();
                draining = true;
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            key.cancel();
            closeQuietly(channel);
            open--;
            perClient.computeIfPresent(from.getAddress(), (a, n) -> n <= 1 ? null : n - 1);
        }
    }
}
