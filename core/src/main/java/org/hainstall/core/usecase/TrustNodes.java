package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.ClusterTrust;
import org.hainstall.core.remote.HostKeyTrust;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.SshLogin;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;

/**
 * {@code trust}: first contact with nodes hainstall did not create. Each node's host key is confirmed by the admin
 * (or matched against a given fingerprint) and pinned, then the cluster's key is installed with the admin's own
 * login. Nothing is trusted on first use silently.
 */
public final class TrustNodes {
    /**
     * What to trust: the cluster of {@code configFile}, optionally one node; fingerprints the admin expects
     * (node → SHA256:…); the admin's login key (null: the keys in ~/.ssh) and user (empty: the config's).
     */
    public record Request(Path configFile, ClusterConfig cluster, Optional<String> node,
                          Map<String, String> fingerprints, Path loginKey, Optional<String> loginUser) {
        public Request {
            fingerprints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fingerprints));
        }
    }

    /** The nodes trusted and where their pins are. */
    public record Result(List<HostKeyTrust.Result> trusted, Path pins) { }

    private final SshOptions ssh;

    @Inject
    public TrustNodes(SshOptions ssh) {
        this.ssh = ssh;
    }

    /** Generates the cluster's admin key if missing (said on {@code console}), then trusts each node. */
    public Result trust(Request request, ClusterTrust.Console console) throws RemoteException {
        SecretsStore store = SecretsStore.besideConfig(request.configFile());
        for (String made : new SecretsGenerator(store, new KeyGenerator()).ensureAdminKey(request.cluster())) {
            console.info("Generated the cluster's " + made + " in " + store.folder());
        }
        SshLogin login = request.loginKey() == null ? SshLogin.defaultKeys() : SshLogin.keyFile(request.loginKey());
        List<HostKeyTrust.Result> results = new ClusterTrust(new HostKeyTrust(store, ssh))
                .trust(request.cluster(), request.node(), request.fingerprints(), console, login,
                        request.loginUser());
        return new Result(results, store.knownHostsFile());
    }
}
