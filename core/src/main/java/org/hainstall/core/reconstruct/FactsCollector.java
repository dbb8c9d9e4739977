package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hainstall.core.backup.BackupProbe;
import org.hainstall.core.db2.Db2Probe;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.heartbeat.HeartbeatProbe;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Probe;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.storage.StorageProbe;

/**
 * Reads what reconstruct needs of one node with one look (each subsystem's reconstruct part of the probe) and
 * keeps the output by fact name. Nothing here changes the node: every command only reads.
 */
public final class FactsCollector {

    /** A node's facts and, for {@code --with-secrets}, the cluster's shared secrets read in the same look. */
    public record WithSecrets(NodeFacts facts, SecretsReader.ClusterSecrets secrets) { }

    private final Shell shell;

    public FactsCollector(Shell shell) {
        this.shell = shell;
    }

    /** One remote command. */
    public NodeFacts collect() throws RemoteException {
        Probe probe = probe(false);
        return facts(probe, probe.run(shell));
    }

    /** One remote command: the facts, and with {@code withSecrets} the shared secrets (else null). */
    public WithSecrets look(boolean withSecrets) throws RemoteException {
        return withSecrets ? collectWithSecrets() : new WithSecrets(collect(), null);
    }

    /** One remote command, which also reads Heartbeat's auth key; the secrets never enter the facts. */
    public WithSecrets collectWithSecrets() throws RemoteException {
        Probe probe = probe(true);
        Map<String, CommandResult> results = probe.run(shell);
        return new WithSecrets(facts(probe, results), SecretsReader.from(results));
    }

    static Probe probe(boolean withSecrets) {
        List<Fact> facts = new ArrayList<>(OsProbe.RECONSTRUCT);
        facts.addAll(StorageProbe.RECONSTRUCT);
        facts.addAll(DrbdProbe.RECONSTRUCT);
        facts.addAll(HeartbeatProbe.RECONSTRUCT);
        facts.addAll(Db2Probe.RECONSTRUCT);
        facts.addAll(BackupProbe.RECONSTRUCT);
        if (withSecrets) {
            facts.add(HeartbeatProbe.AUTHKEYS_SECRET);
        }
        return new Probe(facts, List.of(StorageProbe.DISKS, Db2Probe.INSTANCES));
    }

    /** Each fact's output, or why it could not be read; secrets left out. */
    static NodeFacts facts(Probe probe, Map<String, CommandResult> results) {
        NodeFacts facts = new NodeFacts();
        for (Map.Entry<String, CommandResult> e : results.entrySet()) {
            String name = e.getKey();
            CommandResult r = e.getValue();
            if (name.equals(HeartbeatProbe.AUTHKEYS_SECRET.name())) {
                continue;
            }
            if (r.ok()) {
                facts.put(name, r.stdout());
            } else {
                String command = probe.facts().stream().filter(f -> f.name().equals(name)).findFirst()
                        .map(f -> "`" + f.command().line() + "` ").orElse("");
                String why = r.stderr().strip();
                facts.fail(name, command + "exited " + r.exitCode() + (why.isEmpty() ? "" : ": " + why));
            }
        }
        return facts;
    }
}
