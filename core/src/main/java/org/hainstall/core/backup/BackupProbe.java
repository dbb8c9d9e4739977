package org.hainstall.core.backup;

import java.util.List;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Part;
import org.hainstall.core.remote.Command;

/** The backup tool's part of a look at a node: its config, script and cron schedule. */
public final class BackupProbe {
    public static final Fact CONFIG = Fact.file(Part.BACKUP, BackupFiles.CONFIG);
    public static final Fact SCRIPT = Fact.file(Part.BACKUP, BackupFiles.SCRIPT);
    public static final Fact CRON = Fact.file(Part.BACKUP, BackupFiles.CRON);

    /** What reconstruct reads of the backup tool: its schedule and its config. */
    public static final List<Fact> RECONSTRUCT = List.of(
            Fact.of(Part.BACKUP, "backup-cron", Command.of("cat", BackupFiles.CRON)),
            Fact.of(Part.BACKUP, "backup-conf", Command.of("cat", BackupFiles.CONFIG)));

    private BackupProbe() {
    }

    public static List<Fact> files() {
        return List.of(CONFIG, SCRIPT, CRON);
    }
}
