package org.hainstall.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Allow-lists for every name and path that reaches a command on a node. They say what is allowed (never what is
 * forbidden), so shell metacharacters, {@code ..} and stray slashes cannot get through by omission.
 */
final class Names {
    private static final Pattern CLUSTER = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern LVM = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,126}");
    private static final Pattern DRBD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final Pattern DB2_INSTANCE = Pattern.compile("[a-z][a-z0-9]{0,7}");
    private static final Pattern DB2_DATABASE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,7}");
    private static final Pattern CODESET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,15}");
    private static final Pattern TERRITORY = Pattern.compile("[A-Za-z]{2,3}|\\d{1,3}");
    private static final Pattern LIBVIRT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}");
    private static final Pattern LIBVIRT_URI =
            Pattern.compile("[a-z][a-z0-9+]*://[A-Za-z0-9._@:-]*(/[A-Za-z0-9._-]*)*(\\?[A-Za-z0-9=&._/-]*)?");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9_.+-]*");
    private static final Pattern DEVICE = Pattern.compile("/dev/[a-z][a-z0-9]{0,31}");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    private static final Pattern TIMEZONE = Pattern.compile("[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2}");
    private static final Set<String> TZ_AREAS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific", "Etc");
    private static final List<String> DB2_RESERVED_PREFIXES = List.of("sql", "ibm", "sys");
    private static final Set<String> DB2_RESERVED = Set.of("users", "admins", "guests", "public", "local");

    private Names() {
    }

    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens; at most 253 characters. */
    static boolean hostname(String s) {
        if (s.isEmpty() || s.length() > 253) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && s.charAt(i) != '.') {
                continue;
            }
            if (!label(s, start, i)) {
                return false;
            }
            start = i + 1;
        }
        return true;
    }

    /** One RFC 1123 label, hand-checked (this runs on every keystroke): 1-63 letters, digits, inner hyphens. */
    private static boolean label(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 63 || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean clusterName(String s) {
        return CLUSTER.matcher(s).matches();
    }

    static boolean user(String s) {
        return USER.matcher(s).matches();
    }

    /** LVM's own rules, narrowed: no "..", and not the prefixes LVM reserves for its internal volumes. */
    static boolean lvm(String s) {
        return LVM.matcher(s).matches() && !s.contains("..") && !s.startsWith("snapshot") && !s.startsWith("pvmove");
    }

    static boolean drbd(String s) {
        return DRBD.matcher(s).matches();
    }

    static boolean db2Instance(String s) {
        return DB2_INSTANCE.matcher(s).matches() && !DB2_RESERVED.contains(s)
                && DB2_RESERVED_PREFIXES.stream().noneMatch(s::startsWith);
    }

    static boolean db2Database(String s) {
        return DB2_DATABASE.matcher(s).matches();
    }

    static boolean codeset(String s) {
        return CODESET.matcher(s).matches();
    }

    static boolean territory(String s) {
        return TERRITORY.matcher(s).matches();
    }

    static boolean libvirtName(String s) {
        return LIBVIRT.matcher(s).matches() && !s.contains("..");
    }

    static boolean libvirtUri(String s) {
        return LIBVIRT_URI.matcher(s).matches() && !s.contains("..");
    }

    /** An absolute path of plain segments: no "." or ".." segments, no "//", no trailing slash, not "/" itself. */
    static boolean absolutePath(String s) {
        if (!s.startsWith("/") || s.length() > 4096 || s.length() < 2 || s.endsWith("/")) {
            return false;
        }
        for (String segment : s.substring(1).split("/", -1)) {
            if (!PATH_SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.startsWith("..")) {
                return false;
            }
        }
        return true;
    }

    static boolean device(String s) {
        return DEVICE.matcher(s).matches();
    }

    /** A unicast MAC that is not all zeros (a multicast address cannot belong to a network card). */
    static boolean mac(String s) {
        if (!MAC.matcher(s).matches()) {
            return false;
        }
        int first = Integer.parseInt(s.substring(0, 2), 16);
        return (first & 1) == 0 && !s.equals("00:00:00:00:00:00");
    }

    static boolean timezone(String s) {
        if (s.equals("UTC")) {
            return true;
        }
        return TIMEZONE.matcher(s).matches() && TZ_AREAS.contains(s.substring(0, s.indexOf('/')));
    }

    /** "/db2home/db2inst1" lies on "/db2home"; "/db2homes" does not. */
    static boolean isUnder(String path, String mountPoint) {
        return path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
