package org.hainstall.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SshPublicKeyTest {
    private final SshKeyPair pair = new KeyGenerator().ed25519();

    @Test
    void parsesItsOwnLineWithOrWithoutComment() {
        SshPublicKey key = pair.publicKey();
        assertThat(SshPublicKey.parse(pair.publicKeyLine("root@node1"))).isEqualTo(key);
        assertThat(SshPublicKey.parse(key.line())).isEqualTo(key);
        assertThat(key.type()).isEqualTo("ssh-ed25519");
    }

    @Test
    void fingerprintLooksLikeOpenSsh() {
        assertThat(pair.fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
    }

    @Test
    void comparesFingerprintsWithOrWithoutPrefix() {
        String fp = pair.fingerprint();
        assertThat(pair.publicKey().hasFingerprint(fp)).isTrue();
        assertThat(pair.publicKey().hasFingerprint(" " + fp.substring(7) + "\n")).isTrue();
        assertThat(pair.publicKey().hasFingerprint(new KeyGenerator().ed25519().fingerprint())).isFalse();
    }

    @Test
    void rejectsALineWhoseTypeDoesNotMatchItsData() {
        String base64 = pair.publicKey().base64();
        assertThatThrownBy(() -> SshPublicKey.parse("ssh-rsa " + base64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ssh-ed25519");
        assertThatThrownBy(() -> SshPublicKey.parse("ssh-ed25519 not*base64"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SshPublicKey.parse("ssh-ed25519"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
