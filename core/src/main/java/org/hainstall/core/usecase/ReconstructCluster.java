package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.reconstruct.ConfigAssembler;
import org.hainstall.core.reconstruct.FactsCollector;
import org.hainstall.core.reconstruct.NodeFacts;
import org.hainstall.core.reconstruct.NodePicker;
import org.hainstall.core.reconstruct.Reconstruction;
import org.hainstall.core.reconstruct.SecretsReader;
import org.hainstall.core.reconstruct.WorkstationSettings;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;

/**
 * {@code reconstruct}: read a live cluster into the config that recreates it. The command line walks the phases
 * (open, read, write secrets) because it reports between them; the wizard reads one node in one call
 * ({@link #readNode}). Only read-only commands run on the node.
 */
public final class ReconstructCluster {
    /** The wizard's question: a node, and either a config of its cluster or the fingerprint and key to trust it. */
    public record NodeRequest(String host, Path config, String fingerprint, Path identity, String user, int port) { }

    /** One look at a node: its facts, the config assembled from them, and (when asked for) the shared secrets. */
    public record Read(NodeFacts facts, Reconstruction result, SecretsReader.ClusterSecrets secrets) { }

    private final LiveClusterReader reader;
    private final Provider<ConfigLoader> loader;

    /** The loader comes when a reconstruct needs it, not with the wizard's first window. */
    @Inject
    public ReconstructCluster(LiveClusterReader reader, Provider<ConfigLoader> loader) {
        this.reader = reader;
        this.loader = loader;
    }

    /**
     * The node to read: named, this machine, or (a config and no node) the one {@link NodePicker} chooses, which it
     * has read already with the look {@link #read} would send (with the secrets when {@code withSecrets}).
     */
    public LiveClusterReader.Opened open(LiveClusterReader.Target target, boolean withSecrets) throws RemoteException,
            IOException, LiveClusterReader.BadTargetException, NodePicker.NoNodeReadableException,
            InterruptedException {
        return reader.openAny(target, shell -> new FactsCollector(shell).look(withSecrets));
    }

    /**
     * The node's one look (a remote command), or the look {@link NodePicker} took while choosing it; with
     * {@code withSecrets} the same look reads the shared secrets.
     */
    public Read read(LiveClusterReader.Opened opened, WorkstationSettings workstation, boolean withSecrets)
            throws RemoteException {
        FactsCollector.WithSecrets look = opened.picked().isPresent() ? opened.picked().get().look()
                : new FactsCollector(opened.shell()).look(withSecrets);
        return assembled(look, workstation);
    }

    /** One look at the node; with {@code withSecrets} the same look reads the shared secrets. */
    public Read read(Shell shell, WorkstationSettings workstation, boolean withSecrets) throws RemoteException {
        return assembled(new FactsCollector(shell).look(withSecrets), workstation);
    }

    private static Read assembled(FactsCollector.WithSecrets look, WorkstationSettings workstation) {
        return new Read(look.facts(), ConfigAssembler.assemble(look.facts(), workstation), look.secrets());
    }

    /**
     * Writes the secrets folder beside {@code output}: the cluster's own shared secrets, and a new admin key and
     * new host keys, since the new machines must not share those. Returns what was generated.
     */
    public List<String> writeSecrets(ClusterConfig config, SecretsReader.ClusterSecrets secrets, Path output) {
        SecretsStore store = SecretsStore.besideConfig(output);
        secrets.heartbeatAuthKey().ifPresent(store::writeHeartbeatAuthKey);
        secrets.drbdSecrets().forEach(store::writeDrbdSecret);
        return new SecretsGenerator(store, new KeyGenerator()).ensureGenerated(config);
    }

    /**
     * The wizard's reconstruct: reaches the node as {@code reconstruct --from} does (pinned host keys from a config's
     * secrets folder, or a fingerprint and a key) and reads it. Nothing is written.
     */
    public Reconstruction readNode(NodeRequest request) throws Exception {
        if (request.host() == null || request.host().isBlank()) {
            throw new LiveClusterReader.BadTargetException("name the node to read (host name or address)");
        }
        ClusterConfig known = null;
        if (request.config() != null) {
            try {
                known = loader.get().load(request.config());
            } catch (ConfigException e) {
                throw new LiveClusterReader.BadTargetException(request.config() + ": " + e.getMessage());
            }
        }
        LiveClusterReader.Target target = new LiveClusterReader.Target(request.host().strip(), request.config(),
                known, request.fingerprint(), request.identity(), request.user() == null ? "root" : request.user(),
                request.port() <= 0 ? 22 : request.port());
        try (Shell shell = reader.open(target)) {
            return read(shell, LiveClusterReader.workstation(known, null), false).result();
        }
    }
}
