package org.hainstall.ui.pages;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/** Values the installer can make up for the admin: MAC addresses and free ports. */
public final class Generators {
    private final RandomGenerator random;

    public Generators(RandomGenerator random) {
        this.random = random;
    }

    /**
     * A locally administered unicast MAC (first octet x2, x6, xA or xE), different from every one in
     * {@code taken} (compared case-insensitively): such addresses never collide with a vendor's.
     */
    public String mac(Set<String> taken) {
        Set<String> lower = new HashSet<>();
        taken.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        while (true) {
            int first = (random.nextInt(256) & 0xFC) | 0x02;
            StringBuilder mac = new StringBuilder(String.format("%02x", first));
            for (int i = 0; i < 5; i++) {
                mac.append(':').append(String.format("%02x", random.nextInt(256)));
            }
            if (lower.add(mac.toString())) {
                return mac.toString();
            }
        }
    }

    /** A port in [from, to] that is not in {@code taken}, chosen at random so neighbouring clusters differ. */
    public int port(int from, int to, Set<Integer> taken) {
        int[] free = IntStream.rangeClosed(from, to).filter(p -> !taken.contains(p)).toArray();
        if (free.length == 0) {
            throw new IllegalStateException("no free port between " + from + " and " + to);
        }
        return free[random.nextInt(free.length)];
    }

    /** The lowest port from {@code from} up that is not in {@code taken}: DRBD resources count up from 7789. */
    public int nextPort(int from, Set<Integer> taken) {
        int p = from;
        while (taken.contains(p)) {
            p++;
        }
        return p;
    }
}
