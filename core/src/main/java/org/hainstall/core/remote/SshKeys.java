package org.hainstall.core.remote;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import org.hainstall.core.secrets.SshPublicKey;

/** Between sshj's Java keys and our SSH-format keys. */
final class SshKeys {
    private SshKeys() {
    }

    static SshPublicKey fromJava(PublicKey key) {
        return SshPublicKey.fromBlob(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    /** The host-key algorithms that can prove a key of this type, for sshj to offer first. */
    static List<String> algorithmsFor(String keyType) {
        if ("ssh-rsa".equals(keyType)) {
            return List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        }
        return List.of(keyType);
    }
}
