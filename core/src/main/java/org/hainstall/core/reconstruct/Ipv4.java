package org.hainstall.core.reconstruct;

/** Small IPv4 arithmetic for reconstruct (addresses come from `ip -j addr`, already well-formed). */
final class Ipv4 {
    private Ipv4() {
    }

    static String network(String address, int prefix) {
        String[] p = address.split("\\.");
        long value = 0;
        for (String octet : p) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long net = value & mask;
        return ((net >> 24) & 255) + "." + ((net >> 16) & 255) + "." + ((net >> 8) & 255) + "." + (net & 255);
    }
}
