package org.hainstall.core.status;

import org.hainstall.core.drbd.ProcDrbd;

/** One DRBD device as the local node sees it, for status and its JSON; {@code syncPercent} is null without a sync. */
public record DrbdDevice(int minor, String connection, String localRole, String peerRole, String localDisk,
                         String peerDisk, Double syncPercent) {

    /** From /proc/drbd, read by the one parser the steps use too. */
    public static DrbdDevice of(ProcDrbd.Minor m) {
        return new DrbdDevice(m.minor(), m.cstate(), m.role(), m.peerRole(), m.dstate(), m.peerDstate(),
                m.syncedPercent());
    }

    public boolean healthy() {
        return "Connected".equals(connection) && "UpToDate".equals(localDisk) && "UpToDate".equals(peerDisk);
    }
}
