package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsReaderTest {
    @Test
    void takesTheKeyOfTheSelectedMethod() {
        assertThat(SecretsReader.authKey("# comment\nauth 2\n1 crc\n2 sha1 abc123\n3 md5 zzz\n")).contains("abc123");
        assertThat(SecretsReader.authKey("1 sha1 abc\n")).isEmpty();
    }
}
