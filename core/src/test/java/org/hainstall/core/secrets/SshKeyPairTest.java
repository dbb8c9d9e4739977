package org.hainstall.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKeyPairTest {
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    @TempDir
    Path tmp;

    private final KeyGenerator keys = new KeyGenerator();

    private Path writePrivate(String name, byte[] content) throws IOException {
        Path file = Files.createFile(tmp.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, content);
        return file;
    }

    private static String sshKeygen(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(SSH_KEYGEN.toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void sshKeygenReadsThePrivateKeyAndDerivesTheSamePublicKey() throws Exception {
        assumeTrue(Files.isExecutable(SSH_KEYGEN), "ssh-keygen not installed");
        SshKeyPair pair = keys.ed25519();
        Path file = writePrivate("id_ed25519", pair.toOpenSshPrivateKey("admin@test"));
        String derived = sshKeygen("-y", "-f", file.toString()).strip();
        assertThat(SshPublicKey.parse(derived)).isEqualTo(pair.publicKey());
    }

    @Test
    void fingerprintIsTheOneSshKeygenPrints() throws Exception {
        assumeTrue(Files.isExecutable(SSH_KEYGEN), "ssh-keygen not installed");
        SshKeyPair pair = keys.ed25519();
        Path pub = tmp.resolve("k.pub");
        Files.writeString(pub, pair.publicKeyLine("c") + "\n");
        String listed = sshKeygen("-l", "-E", "sha256", "-f", pub.toString());
        assertThat(listed).contains(" " + pair.fingerprint() + " ");
    }

    @Test
    void readsAKeyMadeBySshKeygen() throws Exception {
        assumeTrue(Files.isExecutable(SSH_KEYGEN), "ssh-keygen not installed");
        Path file = tmp.resolve("made");
        sshKeygen("-q", "-t", "ed25519", "-N", "", "-C", "made@test", "-f", file.toString());
        SshKeyPair pair = SshKeyPair.fromOpenSshPrivateKey(Files.readAllBytes(file));
        assertThat(pair.publicKey()).isEqualTo(SshPublicKey.parse(Files.readString(tmp.resolve("made.pub"))));
    }

    @Test
    void roundTripsThroughTheOpenSshFormat() {
        SshKeyPair pair = keys.ed25519();
        byte[] pem = pair.toOpenSshPrivateKey("x");
        SshKeyPair back = SshKeyPair.fromOpenSshPrivateKey(pem);
        assertThat(back.fingerprint()).isEqualTo(pair.fingerprint());
        assertThat(back.toOpenSshPrivateKey("x")).isEqualTo(pem);
        assertThat(new String(pem, StandardCharsets.US_ASCII))
                .startsWith(SshKeyPair.BEGIN + "\n")
                .endsWith(SshKeyPair.END + "\n");
    }

    @Test
    void twoKeysDiffer() {
        assertThat(keys.ed25519().publicKey()).isNotEqualTo(keys.ed25519().publicKey());
    }

    @Test
    void toStringShowsTheFingerprintButNoPartOfThePrivateKey() {
        SshKeyPair pair = keys.ed25519();
        String shown = pair.toString();
        assertThat(shown).contains(pair.fingerprint());
        String pem = new String(pair.toOpenSshPrivateKey(""), StandardCharsets.US_ASCII);
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----")) {
                for (int i = 0; i + 12 <= line.length(); i += 12) {
                    assertThat(shown).doesNotContain(line.substring(i, i + 12));
                }
            }
        }
    }

    @Test
    void rejectsEncryptedOrForeignKeys() {
        assertThatThrownBy(() -> SshKeyPair.fromOpenSshPrivateKey((SshKeyPair.BEGIN.replace("OPENSSH", "RSA") + "\nAAAA\n")
                .getBytes(StandardCharsets.US_ASCII))).isInstanceOf(IllegalArgumentException.class);
    }
}
