package org.hainstall.core.heartbeat;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
import org.hainstall.core.os.OsProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FactStep;
import org.hainstall.core.node.FileState;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.Secret;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.os.Interfaces;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;

/**
 * Writes ha.cf, authkeys (0600, secret) and haresources, and keeps hainstall's ha_clustermsg block at the end of
 * resource-agents' /etc/ha.d/shellfuncs ({@link HeartbeatFiles#shellfuncs}: without it a node can fail to take
 * its own group back from a dead peer). It does not start Heartbeat: starting it makes it take
 * the resources, so {@link HeartbeatStartStep} does that once DB2 is set up.
 */
public final class HeartbeatConfigStep extends FactStep<HeartbeatConfigStep.Facts> {

    public record Facts(String unameN, Interfaces interfaces, Map<String, FileState> files,
                        Secret authKey, boolean heartbeatActive) {
        public Facts {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }
    }

    private final ClusterConfig config;

    public HeartbeatConfigStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.HEARTBEAT_CONFIG, node, "Heartbeat configuration",
                Set.of(StepNames.PACKAGES, StepNames.DRBD_FILESYSTEMS), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(List.of(OsProbe.UNAME, OsProbe.IP_ADDR, HeartbeatProbe.ACTIVE));
        out.addAll(HeartbeatProbe.files());
        return out;
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.HEARTBEAT);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        Map<String, FileState> files = new LinkedHashMap<>();
        files.put(HeartbeatFiles.HA_CF, node.file(HeartbeatProbe.HA_CF));
        files.put(HeartbeatFiles.AUTHKEYS, node.file(HeartbeatProbe.AUTHKEYS));
        files.put(HeartbeatFiles.HARESOURCES, node.file(HeartbeatProbe.HARESOURCES));
        files.put(HeartbeatFiles.SHELLFUNCS, node.file(HeartbeatProbe.SHELLFUNCS));
        return new Facts(node.read(OsProbe.UNAME).strip(), OsProbe.interfaces(node), files,
                new Secret(ctx.secrets().heartbeatAuthKey()), OsProbe.isActive(node, HeartbeatProbe.ACTIVE));
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.HEARTBEAT_CONFIG, node);
        if (!node.equals(facts.unameN())) {
            throw new StepException(id, ProblemCode.HOSTNAME_MISMATCH, "on " + node + ": uname -n says \""
                    + facts.unameN() + "\"; Heartbeat requires node names equal to uname -n", "fix the hostname"
                    + " (hostnamectl set-hostname " + node + " on the node) or the node's name in the config");
        }
        ClusterConfig.Node self = config.nodes().stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow();
        String mainIf = facts.interfaces().withAddress(self.address()).orElseThrow(() -> new StepException(id,
                ProblemCode.ADDRESS_NOT_ON_NODE, "on " + node + ": no interface carries the node's address "
                        + self.address(), "give the node that address (its network configuration) or correct"
                        + " nodes[].address in the config"));
        String replIf = facts.interfaces().withAddress(self.replicationAddress()).orElseThrow(() ->
                new StepException(id, ProblemCode.ADDRESS_NOT_ON_NODE, "on " + node + ": no interface carries the"
                        + " replication address " + self.replicationAddress(), "give the node's replication link"
                        + " that address (its network configuration) or correct nodes[].replicationAddress in the"
                        + " config"));
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        write(actions, what, facts, HeartbeatFiles.HA_CF, HeartbeatFiles.haCf(config, node, mainIf, replIf), 0644, false);
        write(actions, what, facts, HeartbeatFiles.AUTHKEYS, HeartbeatFiles.authkeys(facts.authKey().value()), 0600,
                true);
        FileState current = facts.files().get(HeartbeatFiles.HARESOURCES);
        write(actions, what, facts, HeartbeatFiles.HARESOURCES,
                HeartbeatFiles.haresources(config, mainIf, current == null ? null : current.content()), 0644, false);
        // Read by Heartbeat's scripts each time they run: no reload needed for it.
        boolean reload = !actions.isEmpty();
        FileState shellfuncs = facts.files().get(HeartbeatFiles.SHELLFUNCS);
        // Missing only before resource-agents (a dependency of heartbeat) is installed: never written from nothing,
        // which would make dpkg take it for an administrator's file.
        if (shellfuncs != null && shellfuncs.content() != null) {
            write(actions, what, facts, HeartbeatFiles.SHELLFUNCS,
                    HeartbeatFiles.shellfuncs(shellfuncs.content()), 0644, false);
        }
        if (actions.isEmpty()) {
            return Check.satisfied("Heartbeat configured");
        }
        if (reload && facts.heartbeatActive()) {
            // Heartbeat's own reload (SIGHUP to its master process, what its init script's reload does): it re-reads
            // its files and keeps its resources. Debian 12's heartbeat.service has no reload, and a restart would
            // move the service.
            actions.add(new Action.Run(Command.raw("kill -HUP \"$(cat " + HeartbeatFiles.PID_FILE + ")\"")));
            what.add("reload heartbeat");
        }
        return Check.change(String.join(", ", what), actions);
    }

    private static void write(List<Action> actions, List<String> what, Facts facts, String path, String content,
                              int mode, boolean secret) {
        FileState have = facts.files().get(path);
        if (have != null && have.holds(content, mode)) {
            return;
        }
        actions.add(new Action.WriteFile(path, content, mode, secret));
        what.add("write " + path);
    }
}
