package org.hainstall.core.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.secrets.SshPublicKey;

/**
 * {@code hainstall trust} for a whole cluster: each node (or one named node) in turn through
 * {@link HostKeyTrust}, talking to the admin through a {@link Console} (the terminal or the wizard).
 * Stops at the first node that fails, so the admin sees one clear error; nodes already done stay done and a
 * re-run finds them pinned.
 */
public final class ClusterTrust {

    /** Where the questions and the results go. */
    public interface Console {
        void info(String line);

        /** Shows the question; true only for an explicit yes. */
        boolean confirm(String question);
    }

    private final HostKeyTrust trust;

    public ClusterTrust(HostKeyTrust trust) {
        this.trust = trust;
    }

    /**
     * @param onlyNode     trust just this node; empty for all
     * @param fingerprints node name → the fingerprint the admin expects ({@code --fingerprint node1=SHA256:…})
     */
    public List<HostKeyTrust.Result> trust(ClusterConfig config, Optional<String> onlyNode,
                                           Map<String, String> fingerprints, Console console, SshLogin login,
                                           Optional<String> loginUser) throws RemoteException {
        List<ClusterConfig.Node> nodes = new ArrayList<>();
        for (ClusterConfig.Node node : config.nodes()) {
            if (onlyNode.isEmpty() || onlyNode.get().equals(node.name())) {
                nodes.add(node);
            }
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no node named " + onlyNode.orElse("?") + " in the config (nodes[].name)");
        }
        for (ClusterConfig.Node node : nodes) {
            if (node.address() == null || node.address().isBlank()) {
                throw new IllegalArgumentException("node " + node.name() + " has no address (nodes[].address)");
            }
        }
        for (String named : fingerprints.keySet()) {
            if (config.nodes().stream().noneMatch(n -> n.name().equals(named))) {
                throw new IllegalArgumentException("--fingerprint names " + named + ", which is not a node of the config");
            }
        }
        List<HostKeyTrust.Result> results = new ArrayList<>();
        for (ClusterConfig.Node node : nodes) {
            console.info("Contacting " + node.name() + " (" + node.address() + ") for its host key…");
            HostKeyTrust.Result result = trust.trust(config, node, Optional.ofNullable(fingerprints.get(node.name())),
                    (name, address, offered, previous) -> console.confirm(question(name, address, offered, previous)),
                    login, loginUser);
            console.info(node.name() + ": host key " + result.fingerprint()
                    + (result.pinChanged() ? " pinned" : " was already pinned") + "; cluster key "
                    + (result.keyWasPresent() ? "was already installed" : "installed") + "; login with it works.");
            results.add(result);
        }
        return results;
    }

    /** The command that shows a host key's fingerprint on the node itself. */
    static String keygenCommand(SshPublicKey key) {
        return "ssh-keygen -l -f /etc/ssh/ssh_host_"
                + key.type().replace("ssh-", "").replace("ecdsa-sha2-nistp256", "ecdsa") + "_key.pub";
    }

    static String question(String node, String address, SshPublicKey offered, Optional<SshPublicKey> previous) {
        StringBuilder q = new StringBuilder();
        if (previous.isPresent()) {
            q.append("WARNING: the host key of ").append(node).append(" CHANGED. Pinned so far: ")
                    .append(previous.get().fingerprint()).append(" (").append(previous.get().type()).append(").\n")
                    .append("Unless you know the node was reinstalled, someone may be intercepting the connection.\n");
        }
        q.append(node).append(" (").append(address).append(") offers host key ").append(offered.fingerprint())
                .append(" (").append(offered.type()).append(").\n")
                .append("Compare it on the node's console: ").append(keygenCommand(offered)).append("\n")
                .append("Is this the node's key? Type yes to pin it");
        return q.toString();
    }
}
