package org.hainstall.core.drbd;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FileState;
import org.hainstall.core.node.FactStep;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.Secret;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;

/** /etc/drbd.d/RES.res for each resource (mode 0600: it holds the shared secret), the module loaded at boot. */
public final class DrbdConfigStep extends FactStep<DrbdConfigStep.Facts> {
    public static final String MODULES_LOAD = "/etc/modules-load.d/drbd.conf";

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

    public DrbdConfigStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DRBD_CONFIG, node, "DRBD resource files", Set.of(StepNames.LVM, StepNames.PACKAGES), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(List.of(DrbdProbe.PROC_DRBD, DrbdProbe.GLOBAL_COMMON, DrbdProbe.MODULES_LOAD));
        config.replication().resources().forEach(r -> out.add(DrbdProbe.resourceFile(r)));
        return out;
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DRBD);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        Map<String, FileState> files = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            files.put(DrbdFiles.path(r), node.file(DrbdProbe.resourceFile(r)));
            secrets.put(r.name(), new Secret(ctx.secrets().drbdSecret(r.name())));
        }
        files.put(DrbdFiles.GLOBAL_COMMON, node.file(DrbdProbe.GLOBAL_COMMON));
        files.put(MODULES_LOAD, node.file(DrbdProbe.MODULES_LOAD));
        return new Facts(files, secrets, DrbdProbe.procDrbd(node));
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
        if (have != null && have.holds(content, mode)) {
            return false;
        }
        actions.add(new Action.WriteFile(path, content, mode, secret));
        what.add("write " + path);
        return true;
    }
}
