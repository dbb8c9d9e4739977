package org.hainstall.core.secrets;

import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;

/**
 * Fills a cluster's secrets folder: the admin's SSH key, each node's host key, the Heartbeat auth key and one
 * DRBD secret per resource. {@link #ensureGenerated} makes only what is missing, so running it again changes
 * nothing; {@link #regenerate} replaces named secrets, and only when the admin asks for it.
 */
public final class SecretsGenerator {
    /** Heartbeat's sha1 authkeys secret: 32 random bytes. */
    static final int HEARTBEAT_KEY_BYTES = 32;
    /** DRBD's shared-secret is at most 64 characters: 24 random bytes give 48 hex digits. */
    static final int DRBD_SECRET_BYTES = 24;

    /** What {@link #regenerate} may replace. */
    public enum Kind { ADMIN_KEY, NODE_HOST_KEYS, HEARTBEAT_AUTH_KEY, DRBD_SECRETS }

    private final SecretsStore store;
    private final KeyGenerator keys;

    public SecretsGenerator(SecretsStore store, KeyGenerator keys) {
        this.store = store;
        this.keys = keys;
    }

    /**
     * Generates every secret the config needs that the store does not hold yet.
     *
     * @return what was generated, as descriptions without any secret ("admin SSH key", "host key of node1")
     */
    public List<String> ensureGenerated(ClusterConfig config) {
        List<String> made = new ArrayList<>(ensureAdminKey(config));
        for (ClusterConfig.Node node : config.nodes()) {
            if (store.nodeHostPublicKey(node.name()).isEmpty() || store.nodeHostPrivateKey(node.name()).isEmpty()) {
                store.writeNodeHostKey(node.name(), keys.ed25519());
                made.add("SSH host key of " + node.name());
            }
        }
        if (store.heartbeatAuthKey().isEmpty()) {
            store.writeHeartbeatAuthKey(keys.hex(HEARTBEAT_KEY_BYTES));
            made.add("Heartbeat auth key");
        }
        for (ClusterConfig.DrbdResource resource : drbdResources(config)) {
            if (store.drbdSecret(resource.name()).isEmpty()) {
                store.writeDrbdSecret(resource.name(), keys.hex(DRBD_SECRET_BYTES));
                made.add("DRBD secret of " + resource.name());
            }
        }
        return made;
    }

    /** Generates only the admin's SSH key, when missing (what {@code hainstall trust} needs). */
    public List<String> ensureAdminKey(ClusterConfig config) {
        if (store.adminPublicKey().isEmpty() || store.adminKeyPair().isEmpty()) {
            store.writeAdminKey(keys.ed25519(), adminComment(config));
            return List.of("admin SSH key");
        }
        return List.of();
    }

    /**
     * Replaces the given kinds of secrets with fresh ones. The old ones are gone: nodes that still use them
     * must be updated (a modify run does that for Heartbeat and DRBD; host keys need a new seed or trust).
     */
    public List<String> regenerate(ClusterConfig config, Kind... kinds) {
        List<String> made = new ArrayList<>();
        for (Kind kind : kinds) {
            switch (kind) {
                case ADMIN_KEY -> {
                    store.writeAdminKey(keys.ed25519(), adminComment(config));
                    made.add("admin SSH key");
                }
                case NODE_HOST_KEYS -> {
                    for (ClusterConfig.Node node : config.nodes()) {
                        store.writeNodeHostKey(node.name(), keys.ed25519());
                        made.add("SSH host key of " + node.name());
                    }
                }
                case HEARTBEAT_AUTH_KEY -> {
                    store.writeHeartbeatAuthKey(keys.hex(HEARTBEAT_KEY_BYTES));
                    made.add("Heartbeat auth key");
                }
                case DRBD_SECRETS -> {
                    for (ClusterConfig.DrbdResource resource : drbdResources(config)) {
                        store.writeDrbdSecret(resource.name(), keys.hex(DRBD_SECRET_BYTES));
                        made.add("DRBD secret of " + resource.name());
                    }
                }
                default -> throw new IllegalArgumentException(kind.name());
            }
        }
        return made;
    }

    /**
     * Pins the generated host key of every node that has no pin yet. For nodes hainstall creates: it knows
     * their keys before they boot. Nodes it did not create are pinned by {@code hainstall trust} instead.
     */
    public List<String> pinGeneratedHostKeys(ClusterConfig config) {
        List<String> pinned = new ArrayList<>();
        for (ClusterConfig.Node node : config.nodes()) {
            if (store.pinnedHostKey(node.name()).isPresent()) {
                continue;
            }
            SshPublicKey key = store.nodeHostPublicKey(node.name()).orElseThrow(() -> new SecretsException(
                    "no generated host key for " + node.name() + " in " + store.folder()));
            store.pin(node.name(), key);
            pinned.add(node.name() + " " + key.fingerprint());
        }
        return pinned;
    }

    private static List<ClusterConfig.DrbdResource> drbdResources(ClusterConfig config) {
        return config.replication() == null ? List.of() : config.replication().resources();
    }

    private static String adminComment(ClusterConfig config) {
        String cluster = config.cluster() == null || config.cluster().name() == null ? "cluster"
                : config.cluster().name();
        return "hainstall@" + cluster;
    }
}
