package org.hainstall.core.remote;

import java.util.function.BooleanSupplier;

/** Waits for something another thread does (a server noticing a closed channel); fails after 10 s. */
final class Eventually {
    private Eventually() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
