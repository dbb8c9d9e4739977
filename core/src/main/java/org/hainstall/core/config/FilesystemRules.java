package org.hainstall.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every filesystem, local (on a logical volume) or replicated (on DRBD): known type, plain unique mount point. */
final class FilesystemRules implements Rule {
    @Override
    public void check(ClusterConfig c, ProblemList p) {
        Map<String, String> mounts = new HashMap<>();
        for (Located fs : all(c)) {
            p.required(fs.path() + ".type", fs.fs().type());
            String mp = fs.fs().mountPoint();
            String mpPath = fs.path() + ".mountPoint";
            if (!p.required(mpPath, mp)) {
                continue;
            }
            if (!Names.absolutePath(mp)) {
                p.error(mpPath, ProblemCode.MOUNT_POINT_INVALID, Quote.of(mp) + " is not a plain absolute directory "
                        + "(not '/', no '..', no trailing '/').");
                continue;
            }
            String earlier = mounts.putIfAbsent(mp, mpPath);
            if (earlier != null) {
                p.error(mpPath, ProblemCode.MOUNT_POINT_DUPLICATE, Quote.of(mp) + " is already the mount point of " + earlier + ".");
            }
        }
    }

    record Located(String path, ClusterConfig.Filesystem fs, boolean replicated) {}

    /** Local filesystems first (storage order), then replicated ones. */
    static List<Located> all(ClusterConfig c) {
        List<Located> out = new ArrayList<>();
        if (c.storage() != null) {
            List<ClusterConfig.VolumeGroup> vgs = Rule.each(c.storage().volumeGroups());
            for (int i = 0; i < vgs.size(); i++) {
                if (vgs.get(i) == null) {
                    continue;
                }
                List<ClusterConfig.LogicalVolume> lvs = Rule.each(vgs.get(i).logicalVolumes());
                for (int j = 0; j < lvs.size(); j++) {
                    if (lvs.get(j) != null && lvs.get(j).filesystem() != null) {
                        out.add(new Located("storage.volumeGroups[" + i + "].logicalVolumes[" + j + "].filesystem",
                                lvs.get(j).filesystem(), false));
                    }
                }
            }
        }
        if (c.replication() != null) {
            List<ClusterConfig.DrbdResource> rs = Rule.each(c.replication().resources());
            for (int i = 0; i < rs.size(); i++) {
                if (rs.get(i) != null && rs.get(i).filesystem() != null) {
                    out.add(new Located("replication.resources[" + i + "].filesystem", rs.get(i).filesystem(), true));
                }
            }
        }
        return out;
    }

    /** Mount points of replicated filesystems (DRBD-backed), the only places DB2's homes and data may live. */
    static List<String> replicatedMountPoints(ClusterConfig c) {
        List<String> out = new ArrayList<>();
        for (Located fs : all(c)) {
            if (fs.replicated() && fs.fs().mountPoint() != null && Names.absolutePath(fs.fs().mountPoint())) {
                out.add(fs.fs().mountPoint());
            }
        }
        return out;
    }
}
