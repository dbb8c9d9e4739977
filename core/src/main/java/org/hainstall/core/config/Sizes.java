package org.hainstall.core.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as the config writes them: "512M", "20G", "1T", "4096K", plain bytes, or the word "rest". */
public final class Sizes {
    public static final String REST = "rest";
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})([KMGT]i?B?|B)?", Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    public static boolean isRest(String size) {
        return REST.equals(size);
    }

    /** Bytes (binary units: 1K = 1024), or empty when the text is not a size (including "rest"). */
    public static OptionalLong toBytes(String size) {
        if (size == null) {
            return OptionalLong.empty();
        }
        Matcher m = SIZE.matcher(size.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT).substring(0, 1);
        int shift = switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(n << shift);
    }

    /** Mebibytes, rounded up: the unit lvcreate and sfdisk are given. */
    public static OptionalLong toMiB(String size) {
        OptionalLong bytes = toBytes(size);
        return bytes.isPresent() ? OptionalLong.of((bytes.getAsLong() + (1 << 20) - 1) >> 20) : OptionalLong.empty();
    }
}
