package org.hainstall.core.remote;

import java.io.IOException;
import java.nio.file.Path;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * How a connection proves who it is: the cluster's admin key for every run; for {@code hainstall trust}, the
 * administrator's own existing login (a key file, or the default keys in {@code ~/.ssh}).
 */
public interface SshLogin {

    /** Authenticates {@code user}; sshj's {@link net.schmizz.sshj.userauth.UserAuthException} when refused. */
    void authenticate(SSHClient client, String user) throws IOException;

    /** For error messages: "the key /path/admin_ed25519". Never a secret. */
    String describe();

    /** What the admin does when the node refuses this login: the end of the sentence that says so. */
    default String whenRefused() {
        return "put its public key in that user's ~/.ssh/authorized_keys on the node, then run the command again";
    }

    /** The cluster's own admin key: {@code hainstall trust} is what puts it on a node. */
    static SshLogin clusterKey(Path file) {
        SshLogin key = keyFile(file);
        return new SshLogin() {
            @Override
            public void authenticate(SSHClient client, String user) throws IOException {
                key.authenticate(client, user);
            }

            @Override
            public String describe() {
                return "the cluster's key " + file;
            }

            @Override
            public String whenRefused() {
                return "install that key on the node with `hainstall trust`, then run the command "
                        + "again";
            }
        };
    }

    /** An OpenSSH private key file (unencrypted). */
    static SshLogin keyFile(Path file) {
        return new SshLogin() {
            @Override
            public void authenticate(SSHClient client, String user) throws IOException {
                KeyProvider key = client.loadKeys(file.toString());
                key.getPublic(); // read and parse now, so a broken file is reported as such
                client.authPublickey(user, key);
            }

            @Override
            public String describe() {
                return "the key " + file;
            }
        };
    }

    /**
     * The administrator's default keys, as {@code ssh} would try them: {@code ~/.ssh/id_rsa}, {@code id_ecdsa},
     * {@code id_ed25519} (sshj's defaults). An ssh-agent is not used: sshj has no agent support of its own.
     */
    static SshLogin defaultKeys() {
        return new SshLogin() {
            @Override
            public void authenticate(SSHClient client, String user) throws IOException {
                client.authPublickey(user);
            }

            @Override
            public String describe() {
                return "your default keys in ~/.ssh";
            }
        };
    }
}
