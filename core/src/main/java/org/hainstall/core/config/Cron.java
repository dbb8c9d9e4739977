package org.hainstall.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The five-field cron schedules that Debian's cron accepts: numbers, names, *, ranges, steps and lists.
 *
 * <p>Written here rather than taken from a library, for a measured reason (checked 2026-12-05): no cron parser is
 * on core's class path ({@code mvn dependency:tree -pl core}), and cron-utils, the usual one, is not among the
 * Maven packages this project's machines and CI can fetch (the workplace's package list has no cron row). The
 * syntax checked is small and fixed (Debian's cron, not Quartz's six or seven fields); AllowListTest pins it.
 */
final class Cron {
    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 7};
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern FIELD_SPLIT = Pattern.compile("\\s+");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private Cron() {
    }

    /** Empty when valid; otherwise why not, as a sentence fragment. */
    static Optional<String> check(String schedule) {
        String[] fields = FIELD_SPLIT.split(schedule.strip());
        if (fields.length != 5) {
            return Optional.of("has " + fields.length + " fields; cron needs 5 (minute hour day-of-month month day-of-week)");
        }
        for (int i = 0; i < 5; i++) {
            for (String item : fields[i].split(",", -1)) {
                if (!validItem(item, i)) {
                    return Optional.of("field " + (i + 1) + " (" + FIELDS[i] + ") " + Quote.of(fields[i]) + " is not valid; it takes "
                            + MIN[i] + "-" + MAX[i] + ", *, ranges a-b, steps */n and lists a,b");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean validItem(String item, int field) {
        String range = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            String step = item.substring(slash + 1);
            if (!NUMBER.matcher(step).matches() || Integer.parseInt(step) == 0) {
                return false;
            }
            range = item.substring(0, slash);
        }
        if (range.equals("*")) {
            return true;
        }
        int dash = range.indexOf('-');
        if (dash < 0) {
            return slash < 0 && value(range, field) >= 0;
        }
        int from = value(range.substring(0, dash), field);
        int to = value(range.substring(dash + 1), field);
        return from >= 0 && to >= 0 && from <= to;
    }

    private static int value(String text, int field) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (field == 3 && MONTHS.contains(lower)) {
            return MONTHS.indexOf(lower) + 1;
        }
        if (field == 4 && DAYS.contains(lower)) {
            return DAYS.indexOf(lower);
        }
        if (!NUMBER.matcher(text).matches()) {
            return -1;
        }
        int n = Integer.parseInt(text);
        return n >= MIN[field] && n <= MAX[field] ? n : -1;
    }
}
