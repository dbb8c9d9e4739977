package org.hainstall.core.config;

import com.google.common.net.InetAddresses;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 addresses and subnets, parsed strictly (no leading zeros: some tools read them as octal). The one IPv4
 * helper: the validator uses it, and so does reconstruct on the addresses a node reports. Addresses are parsed by
 * Guava; the subnet arithmetic (contains, overlaps, broadcast) is here, as no library on the class path has it.
 */
public final class Ipv4 {
    private Ipv4() {
    }

    /**
     * The address as a number, or empty when the text is not a dotted quad. Guava's parser (on the class path
     * through Guice) checks the octets, and refuses leading zeros; it also reads IPv6, and gives an IPv4-mapped IPv6
     * address ({@code ::ffff:192.0.2.1}) back as IPv4, so anything with a colon is refused before it is asked.
     */
    static OptionalLong parse(String text) {
        if (text == null || text.indexOf(':') >= 0 || !InetAddresses.isInetAddress(text)) {
            return OptionalLong.empty();
        }
        byte[] octets = InetAddresses.forString(text).getAddress();
        if (octets.length != 4) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (byte octet : octets) {
            value = (value << 8) | (octet & 0xFF);
        }
        return OptionalLong.of(value);
    }

    /**
     * Why {@code address} cannot be one host's own address that others reach, or empty when it can: the
     * unspecified "this network" block (0/8), loopback (127/8), multicast (224/4), the limited broadcast
     * (255.255.255.255) and the reserved block 240/4.
     */
    static Optional<String> notUnicast(long address) {
        int first = (int) (address >>> 24);
        if (first == 0) {
            return Optional.of("the unspecified address (0.0.0.0/8)");
        }
        if (first == 127) {
            return Optional.of("a loopback address (127.0.0.0/8)");
        }
        if (address == 0xFFFFFFFFL) {
            return Optional.of("the broadcast address");
        }
        if (first >= 224 && first <= 239) {
            return Optional.of("a multicast address (224.0.0.0/4)");
        }
        if (first >= 240) {
            return Optional.of("a reserved address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    /** The network an address with this prefix length lies in: 192.168.122.11/24 → 192.168.122.0. */
    public static String network(String address, int prefix) {
        long value = parse(address).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + address));
        return format(value & Subnet.mask(prefix));
    }

    static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    /** A subnet such as 192.168.122.0/24. {@code hostBitsSet} tells "192.168.122.5/24" apart. */
    record Subnet(long network, int prefix, boolean hostBitsSet) {
        private static final Pattern CIDR = Pattern.compile("([0-9.]+)/(\\d{1,2})");

        static Optional<Subnet> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            Matcher m = CIDR.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            OptionalLong address = Ipv4.parse(m.group(1));
            int prefix = Integer.parseInt(m.group(2));
            if (address.isEmpty() || prefix > 32) {
                return Optional.empty();
            }
            long mask = mask(prefix);
            return Optional.of(new Subnet(address.getAsLong() & mask, prefix, (address.getAsLong() & ~mask & 0xFFFFFFFFL) != 0));
        }

        private static long mask(int prefix) {
            return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        }

        boolean contains(long address) {
            return (address & mask(prefix)) == network;
        }

        long broadcast() {
            return network | (~mask(prefix) & 0xFFFFFFFFL);
        }

        /** The network and broadcast addresses cannot be given to a host (except in /31 and /32 links). */
        boolean isReserved(long address) {
            return prefix < 31 && (address == network || address == broadcast());
        }

        boolean overlaps(Subnet other) {
            int shorter = Math.min(prefix, other.prefix);
            return (network & mask(shorter)) == (other.network & mask(shorter));
        }

        @Override
        public String toString() {
            return format(network) + "/" + prefix;
        }
    }
}
