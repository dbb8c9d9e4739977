package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void matchesWhatSshKeygenPrints() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen not installed");
        Path key = dir.resolve("ssh_host_ed25519_key");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "root@test", "-f", key.toString());

        String printed = run("ssh-keygen", "-l", "-f", key + ".pub").split("\\s+")[1];

        assertThat(HostKeyFingerprint.of(Files.readString(Path.of(key + ".pub")))).isEqualTo(printed);
    }

    @Test
    void rejectsSomethingThatIsNotAKeyLine() {
        assertThatThrownBy(() -> HostKeyFingerprint.of("ssh-ed25519")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
