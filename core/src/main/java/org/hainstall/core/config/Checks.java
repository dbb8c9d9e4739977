package org.hainstall.core.config;

/** Small checks several rules share. */
final class Checks {
    static final int MIN_PORT = 1;
    static final int MAX_PORT = 65535;

    private Checks() {
    }

    static boolean port(ProblemList p, String path, Integer port) {
        if (port < MIN_PORT || port > MAX_PORT) {
            p.error(path, ProblemCode.PORT_OUT_OF_RANGE, "port " + port + " is outside 1-65535.");
            return false;
        }
        return true;
    }

    static boolean address(ProblemList p, String path, String address) {
        if (Ipv4.parse(address).isEmpty()) {
            p.error(path, ProblemCode.ADDRESS_INVALID, Quote.of(address) + " is not an IPv4 address such as 192.168.122.11.");
            return false;
        }
        return true;
    }

    static boolean path(ProblemList p, String path, String value) {
        if (!Names.absolutePath(value)) {
            p.error(path, ProblemCode.PATH_INVALID, Quote.of(value) + " is not a plain absolute path (segments of letters, "
                    + "digits, '_', '.', '+' and '-'; no '..', no trailing '/').");
            return false;
        }
        return true;
    }
}
