package org.hainstall.core.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads one output stream of a running command on its own thread (stdout and stderr each get one, so a full
 * pipe on one never blocks the other), passes each line to the listener as it completes, and keeps the text.
 * The kept text is capped so a runaway command cannot exhaust the heap; the listener still sees every line.
 */
final class OutputDrainer {
    static final int MAX_KEPT_BYTES = 16 * 1024 * 1024;

    private final InputStream in;
    private final OutputListener.Stream stream;
    private final OutputListener listener;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile IOException failure;
    private boolean truncated;

    private OutputDrainer(InputStream in, OutputListener.Stream stream, OutputListener listener) {
        this.in = in;
        this.stream = stream;
        this.listener = listener;
    }

    static OutputDrainer start(InputStream in, OutputListener.Stream stream, OutputListener listener,
                               String threadName) {
        OutputDrainer drainer = new OutputDrainer(in, stream, listener);
        Thread thread = new Thread(drainer::drain, threadName);
        thread.setDaemon(true);
        thread.start();
        return drainer;
    }

    private void drain() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        emit(line);
                    } else {
                        line.write(b);
                    }
                }
                keep(buffer, n);
            }
            if (line.size() > 0) {
                emit(line);
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    private void keep(byte[] buffer, int n) {
        synchronized (kept) {
            int room = MAX_KEPT_BYTES - kept.size();
            if (n > room) {
                truncated = true;
            }
            kept.write(buffer, 0, Math.max(0, Math.min(n, room)));
        }
    }

    private void emit(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            listener.line(stream, text);
        } catch (RuntimeException e) {
            // A faulty listener must not stop the draining: the command would block on a full pipe.
        }
    }

    /** Waits until the stream reached its end (or failed); false when the wait ran out. */
    boolean await(long nanos) throws InterruptedException {
        return done.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Not null when reading failed, e.g. because the connection dropped. */
    IOException failure() {
        return failure;
    }

    String text() {
        synchronized (kept) {
            String text = kept.toString(StandardCharsets.UTF_8);
            return truncated ? text + "\n[output truncated after " + MAX_KEPT_BYTES + " bytes]\n" : text;
        }
    }
}
