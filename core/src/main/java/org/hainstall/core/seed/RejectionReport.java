package org.hainstall.core.seed;

import java.util.function.Consumer;

/**
 * What the admin hears about rejected call-back requests: each one in detail at DEBUG (and in its node's report),
 * but on the terminal at most one summary line per period, however many an unauthenticated client sends. The
 * server calls {@link #summarize()} every period and once when it closes.
 */
final class RejectionReport {
    private final String period;
    private final Consumer<String> summary;
    private final Consumer<String> detail;
    private long count;
    private String last;

    /**
     * @param period  the period's length as the summary names it ("30 s")
     * @param summary the line for the admin (a WARN)
     * @param detail  one line per rejection (DEBUG, the run's log)
     */
    RejectionReport(String period, Consumer<String> summary, Consumer<String> detail) {
        this.period = period;
        this.summary = summary;
        this.detail = detail;
    }

    void rejected(String line) {
        detail.accept("call-back request rejected: " + line);
        synchronized (this) {
            count++;
            last = line;
        }
    }

    /** One line for the rejections since the last summary, if there were any. */
    void summarize() {
        long n;
        String lastLine;
        synchronized (this) {
            n = count;
            lastLine = last;
            count = 0;
        }
        if (n > 0) {
            summary.accept(n + " call-back request(s) rejected in the last " + period + "; the last: " + lastLine
                    + " (each is logged at DEBUG level; a node's own rejections are in its report)");
        }
    }
}
