package org.hainstall.core.reconstruct;

/** Writes a byte count the way the config does: the largest binary unit that divides it (1G, 64M), else MiB. */
final class SizeText {
    private SizeText() {
    }

    static String of(long bytes) {
        String[] units = {"T", "G", "M"};
        int[] shifts = {40, 30, 20};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes / unit) + units[i];
            }
        }
        return (bytes >> 20) + "M";
    }
}
