package org.hainstall.core.backup;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FactStep;
import org.hainstall.core.node.FileState;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;

/** The backup tool on both nodes: its config listing every database, the script, the cron schedule. */
public final class BackupStep extends FactStep<BackupStep.Facts> {

    public record Facts(Map<String, FileState> files) {
        public Facts {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }
    }

    private final ClusterConfig config;

    public BackupStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.BACKUP, node, "DB2 backups", Set.of(StepNames.DATABASES, StepNames.FILESYSTEMS), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        return BackupProbe.files();
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.BACKUP);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        Map<String, FileState> files = new LinkedHashMap<>();
        files.put(BackupFiles.CONFIG, node.file(BackupProbe.CONFIG));
        files.put(BackupFiles.SCRIPT, node.file(BackupProbe.SCRIPT));
        files.put(BackupFiles.CRON, node.file(BackupProbe.CRON));
        return new Facts(files);
    }

    @Override
    protected Check decide(Facts facts) {
        return decide(config, facts);
    }

    public static Check decide(ClusterConfig config, Facts facts) {
        if (config.backup() == null) {
            return Check.satisfied("no backup configured");
        }
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        boolean needDir = facts.files().get(BackupFiles.CONFIG) == null
                || !facts.files().get(BackupFiles.CONFIG).exists();
        if (needDir) {
            actions.add(new Action.Run(Command.of("mkdir", "-p", "/etc/hainstall")));
        }
        write(actions, what, facts, BackupFiles.CONFIG, BackupFiles.config(config), 0644);
        write(actions, what, facts, BackupFiles.SCRIPT, BackupFiles.script(), 0755);
        write(actions, what, facts, BackupFiles.CRON, BackupFiles.cron(config), 0644);
        if (what.isEmpty()) {
            return Check.satisfied("backup tool installed, every database covered");
        }
        return Check.change(String.join(", ", what), actions);
    }

    private static void write(List<Action> actions, List<String> what, Facts facts, String path, String content,
                              int mode) {
        FileState have = facts.files().get(path);
        if (have != null && have.holds(content, mode)) {
            return;
        }
        actions.add(new Action.WriteFile(path, content, mode, false));
        what.add("write " + path);
    }
}
