package org.hainstall.core.remote;

import java.nio.file.Path;
import java.util.Objects;
import org.hainstall.core.secrets.SshPublicKey;

/**
 * Where and how to log in to one node.
 *
 * @param nodeName       the node's name, used in every message
 * @param host           its address
 * @param port           its SSH port
 * @param user           the access user: root, or a user with passwordless sudo
 * @param privateKeyFile the cluster's admin key (OpenSSH format)
 * @param pinnedHostKey  the host key the node must present; anything else is refused
 * @param pinSource      where the pin came from, named in host-key errors (the known_hosts file)
 */
public record SshTarget(String nodeName, String host, int port, String user, Path privateKeyFile,
                        SshPublicKey pinnedHostKey, String pinSource) {
    public SshTarget {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(privateKeyFile, "privateKeyFile");
        Objects.requireNonNull(pinnedHostKey, "pinnedHostKey");
    }

    /** "node1 (10.0.0.1:22)". */
    public String describe() {
        return nodeName + " (" + host + ":" + port + ")";
    }

    public boolean isRoot() {
        return "root".equals(user);
    }
}
