package org.hainstall.core.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.facts.ProcDrbd;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;

/** /etc/drbd.d/RES.res for each resource (mode 0600: it holds the shared secret), the module loaded at boot. */
public final class DrbdConfigStep extends FactStep<DrbdConfigStep.Facts> {
    static final String MODULES_LOAD = "/etc/modules-load.d/drbd.conf";

    /** A file as found: content (null when missing) and octal mode. */
    public record FileState(String content, String mode) {
        /** Never the content: resource files and authkeys hold secrets. */
        @Override
        public String toString() {
            return content == null ? "(missing)" : "(" + content.length() + " bytes, mode " + mode + ")";
        }
    }

    /**
     * @param files   path → state, for the resource files, global_common.conf and the modules-load file
     * @param secrets resource name → its shared secret from the secrets store
     * @param drbd    /proc/drbd, or null when the module is not loaded
     */
    public record Facts(Map<String, FileState> files, Map<String, Secret> secrets, ProcDrbd drbd) {
        public Facts {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
            secrets = Map.copyOf(secrets);
        }
    }

    private final ClusterConfig config;

    public DrbdConfigStep(ClusterConfig config, String node) {
        super(StepNames.DRBD_CONFIG, node, "DRBD resource files", Set.of(StepNames.LVM, StepNames.PACKAGES));
        this.config = config;
    }

    @Override
    protected Facts read(StepContext ctx, Remote node) throws StepException {
        Map<String, FileState> files = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            files.put(DrbdFiles.path(r), new FileState(node.fileOrNull(DrbdFiles.path(r)),
                    node.modeOrNull(DrbdFiles.path(r))));
            secrets.put(r.name(), new Secret(ctx.secrets().drbdSecret(r.name())));
        }
        for (String p : List.of(DrbdFiles.GLOBAL_COMMON, MODULES_LOAD)) {
            files.put(p, new FileState(node.fileOrNull(p), node.modeOrNull(p)));
        }
        return new Facts(files, secrets, readProcDrbd(node));
    }

    static ProcDrbd readProcDrbd(Remote node) throws StepException {
        String text = node.fileOrNull("/proc/drbd");
        return text == null ? null : ProcDrbd.parse(text);
    }

    @Override
    protected Check decide(Facts facts) {
        return decide(config, facts);
    }

    public static Check decide(ClusterConfig config, Facts facts) {
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        List<String> adjust = new ArrayList<>();
        if (facts.drbd() == null) {
            actions.add(new Action.Run(Command.of("modprobe", "drbd")));
            what.add("load the drbd module");
        }
        addIfDifferent(actions, what, facts, MODULES_LOAD, "drbd\n", 0644, false);
        addIfDifferent(actions, what, facts, DrbdFiles.GLOBAL_COMMON, DrbdFiles.globalCommon(), 0644, false);
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            Secret secret = facts.secrets().get(r.name());
            String content = DrbdFiles.resource(config, r, secret.value());
            if (addIfDifferent(actions, what, facts, DrbdFiles.path(r), content, 0600, true)
                    && facts.drbd() != null && facts.drbd().minor(r.minor()).isPresent()) {
                adjust.add(r.name());
            }
        }
        if (actions.isEmpty()) {
            return Check.satisfied("DRBD resource files as configured");
        }
        // sh-nop only parses the configuration: a syntax error fails here, before any resource is touched
        actions.add(new Action.Run(Command.of("drbdadm", "sh-nop")));
        for (String r : adjust) {
            actions.add(new Action.Run(Command.of("drbdadm", "adjust", r)));
        }
        return Check.change(String.join(", ", what), actions);
    }

    private static boolean addIfDifferent(List<Action> actions, List<String> what, Facts facts, String path,
                                          String content, int mode, boolean secret) {
        FileState have = facts.files().get(path);
        String wantMode = Integer.toOctalString(mode);
        if (have != null && content.equals(have.content()) && wantMode.equals(have.mode())) {
            return false;
        }
        actions.add(new Action.WriteFile(path, content, mode, secret));
        what.add("write " + path);
        return true;
    }
}
