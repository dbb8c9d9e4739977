package org.hainstall.core.drbd;

import java.time.Duration;
import java.time.Instant;

/**
 * Watches a resync's progress (KiB out of sync, summed over resources): it is stalled when that number has not
 * gone down for {@code stallAfter}. Pure — the caller supplies the clock — so it is tested without waiting.
 */
public final class SyncWatchdog {
    private final Duration stallAfter;
    private long best = Long.MAX_VALUE;
    private Instant lastProgress;

    public SyncWatchdog(Duration stallAfter) {
        this.stallAfter = stallAfter;
    }

    /** Records a sample; returns true when the sync has made no progress for {@code stallAfter}. */
    public boolean stalled(Instant now, long outOfSyncKiB) {
        if (lastProgress == null || outOfSyncKiB < best) {
            best = outOfSyncKiB;
            lastProgress = now;
            return false;
        }
        return Duration.between(lastProgress, now).compareTo(stallAfter) >= 0;
    }

    public Instant lastProgress() {
        return lastProgress;
    }
}
