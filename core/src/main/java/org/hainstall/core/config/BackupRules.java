package org.hainstall.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Backup: a plain target, a valid cron schedule, a retention, and every database covered. */
final class BackupRules implements Rule {
    @Override
    public void check(ClusterConfig c, ProblemList p) {
        if (!p.required("backup", c.backup())) {
            return;
        }
        ClusterConfig.Backup b = c.backup();
        if (p.required("backup.target", b.target()) && Checks.path(p, "backup.target", b.target())) {
            List<String> mounts = new ArrayList<>();
            for (FilesystemRules.Located fs : FilesystemRules.all(c)) {
                if (fs.fs().mountPoint() != null) {
                    mounts.add(fs.fs().mountPoint());
                }
            }
            if (mounts.stream().noneMatch(m -> Names.isUnder(b.target(), m))) {
                p.warning("backup.target", ProblemCode.BACKUP_TARGET_NOT_MOUNTED, b.target() + " is on no filesystem this "
                        + "config declares, so backups would fill the root filesystem.");
            }
        }
        if (p.required("backup.schedule", b.schedule())) {
            Optional<String> why = Cron.check(b.schedule());
            why.ifPresent(w -> p.error("backup.schedule", ProblemCode.BACKUP_SCHEDULE_INVALID,
                    "cron schedule " + Quote.of(b.schedule()) + " " + w + "."));
        }
        if (p.required("backup.retentionDays", b.retentionDays()) && b.retentionDays() < 1) {
            p.error("backup.retentionDays", ProblemCode.BACKUP_RETENTION_INVALID,
                    "retention of " + b.retentionDays() + " days would delete every backup; use 1 or more.");
        }
        coverage(c, b, p);
    }

    private static void coverage(ClusterConfig c, ClusterConfig.Backup b, ProblemList p) {
        Map<String, String> declared = new LinkedHashMap<>();
        if (c.db2() != null) {
            List<ClusterConfig.Db2Instance> instances = Rule.each(c.db2().instances());
            for (int i = 0; i < instances.size(); i++) {
                if (instances.get(i) == null) {
                    continue;
                }
                for (ClusterConfig.Database db : Rule.each(instances.get(i).databases())) {
                    if (db != null && db.name() != null) {
                        declared.putIfAbsent(db.name().toUpperCase(Locale.ROOT), db.name());
                    }
                }
            }
        }
        List<String> covered = new ArrayList<>();
        List<String> listed = Rule.each(b.databases());
        for (int i = 0; i < listed.size(); i++) {
            String name = listed.get(i);
            String path = Rule.at("backup.databases", i);
            if (!p.required(path, name)) {
                continue;
            }
            String key = name.toUpperCase(Locale.ROOT);
            if (!declared.containsKey(key)) {
                p.error(path, ProblemCode.BACKUP_DATABASE_UNKNOWN, Quote.of(name) + " is not a database of db2.instances.");
            }
            covered.add(key);
        }
        for (Map.Entry<String, String> db : declared.entrySet()) {
            if (!covered.contains(db.getKey())) {
                p.error("backup.databases", ProblemCode.BACKUP_DATABASE_MISSING,
                        "database " + Quote.of(db.getValue()) + " is not covered by the backup; add it to backup.databases.");
            }
        }
    }
}
