package org.hainstall.core.drbd;

/**
 * {@code drbdadm get-gi RES} (DRBD 8.4): {@code CURRENT:BITMAP:HISTORY1:HISTORY2:flags…}, UUIDs in hex. Metadata
 * that {@code create-md} just wrote carries the current UUID 4 ("just created") and no history; any other current
 * UUID means the data had a primary (or {@code new-current-uuid}) — a completed sync or primary history.
 */
public record GenerationIds(long current, long bitmap, long history1, long history2) {
    private static final long JUST_CREATED = 4;

    public static GenerationIds parse(String text) {
        String line = text.strip();
        int nl = line.lastIndexOf('\n');
        if (nl >= 0) {
            line = line.substring(nl + 1).strip();
        }
        String[] f = line.split(":");
        if (f.length < 4) {
            throw new IllegalArgumentException("drbdadm get-gi printed no generation identifiers: " + line);
        }
        return new GenerationIds(hex(f[0]), hex(f[1]), hex(f[2]), hex(f[3]));
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.strip(), 16);
    }

    /** Only what create-md writes: no primary ever, no sync ever. The lowest bit is DRBD's "primary" flag. */
    public boolean fresh() {
        long c = current & ~1L;
        return (c == JUST_CREATED || c == 0) && bitmap == 0 && history1 == 0 && history2 == 0;
    }
}
