package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodeSeedSecretsTest {
    @Test
    void neverShowsThePrivateKeyOrTheTokenWhenPrinted() {
        byte[] key = TestKeys.privateKeyFile();
        CallbackToken token = TestKeys.token();
        NodeSeedSecrets secrets = new NodeSeedSecrets(key, TestKeys.ed25519PublicLine("root@n"), token);

        String printed = secrets + " " + token;

        String keyBody = new String(key, StandardCharsets.US_ASCII).lines().skip(1).findFirst().orElseThrow();
        assertThat(printed).doesNotContain(keyBody)
                .doesNotContain(new String(token.fileContent(), StandardCharsets.US_ASCII).strip())
                .contains("redacted");
    }

    @Test
    void keepsItsOwnCopyOfThePrivateKey() {
        byte[] key = TestKeys.privateKeyFile();
        NodeSeedSecrets secrets = new NodeSeedSecrets(key, TestKeys.ed25519PublicLine("root@n"), TestKeys.token());
        byte[] original = key.clone();

        key[0] ^= 1;
        secrets.hostPrivateKey()[1] ^= 1;

        assertThat(secrets.hostPrivateKey()).isEqualTo(original);
    }
}
