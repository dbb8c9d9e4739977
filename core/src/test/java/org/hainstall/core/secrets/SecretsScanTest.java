package org.hainstall.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

class SecretsScanTest {
    @TempDir
    Path tmp;

    private SecretsStore store;
    private Path run;

    @BeforeEach
    void aRunBesideItsSecrets() throws IOException {
        store = SecretsStore.besideConfig(tmp.resolve("sales-db.yaml"));
        new SecretsGenerator(store, new KeyGenerator()).ensureGenerated(TestClusters.twoResources());
        run = tmp.resolve("sales-db.state/runs/1");
        Files.createDirectories(run);
        log("events.jsonl", "{\"type\":\"StepStarted\",\"node\":\"sales-db1\",\"step\":\"drbd-config\"}\n");
        log("sales-db1.log", "writing /etc/drbd.d/r0.res (secret ******)\n");
        log("journal.json", "{\"steps\":{}}\n");
        Files.writeString(tmp.resolve("sales-db.yaml"), "cluster:\n  name: sales-db\n");
    }

    private Path log(String name, String text) throws IOException {
        Path f = run.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private SecretsScan.Report scan(Path... paths) {
        return SecretsScan.of(store).scan(java.util.Arrays.stream(paths).map(SecretsScan.Target::of).toList());
    }

    @Test
    void aCleanRunFolderAndConfigPass() {
        SecretsScan.Report report = scan(run, tmp.resolve("sales-db.yaml"));

        assertThat(report.findings()).isEmpty();
        assertThat(report.filesScanned()).isEqualTo(4);
        // the admin key, two host keys (several lines each), the auth key, two DRBD secrets and the marker
        assertThat(SecretsScan.of(store).secretCount()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void publicKeysAndFingerprintsAreNoFinding() throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(store.adminPublicKeyFile()));
        for (String node : List.of("sales-db1", "sales-db2")) {
            text.append(Files.readString(store.nodeHostPublicKeyFile(node)));
            text.append(node).append(" ").append(store.nodeHostPublicKey(node).orElseThrow().fingerprint()).append('\n');
        }
        Path trustLog = log("trust.log", text.toString());

        assertThat(scan(trustLog).findings()).isEmpty();
    }

    @Test
    void findsEachPlantedSecretNamingTheFileButNeverTheValue() throws IOException {
        String authKey = store.heartbeatAuthKey().orElseThrow();
        String drbd = store.drbdSecret("r1").orElseThrow();
        Path events = log("events.jsonl", "{\"line\":\"auth 1\\nsha1 " + authKey + "\"}\n");
        Path nodeLog = log("sales-db2.log", "shared-secret \"" + drbd + "\";\n");

        SecretsScan.Report report = scan(run);

        assertThat(report.findings()).extracting(SecretsScan.Finding::file, SecretsScan.Finding::problem)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(events, "holds the Heartbeat auth key"),
                        org.assertj.core.groups.Tuple.tuple(nodeLog, "holds the DRBD secret of r1"));
        assertThat(report.findings().toString()).doesNotContain(authKey).doesNotContain(drbd);
    }

    @Test
    void findsAPrivateKeyEvenWhenItWasEscapedIntoJson() throws IOException {
        String key = Files.readString(store.adminPrivateKeyFile());
        String body = key.replace(SshKeyPair.BEGIN + "\n", "").replace(SshKeyPair.END + "\n", "");
        Path events = log("events.jsonl", "{\"output\":\"" + body.replace("\n", "\\n") + "\"}\n");

        assertThat(scan(run).findings()).extracting(SecretsScan.Finding::file, SecretsScan.Finding::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(events, "holds the admin private key"));
    }

    // --- FAULTS.md case 47: re-wrapped, split, re-indented, behind a symbolic link ---

    @Test
    void findsAPrivateKeyReWrappedAtAnyWidthOrReIndented() throws IOException {
        String key = Files.readString(store.nodeHostPrivateKeyFile("sales-db1"));
        String base64 = key.replace(SshKeyPair.BEGIN, "").replace(SshKeyPair.END, "").replaceAll("\\s", "");
        for (int width : new int[] {64, 76, 40, 33, 1000}) {
            StringBuilder yaml = new StringBuilder("hostKey: |\n");
            for (int i = 0; i < base64.length(); i += width) {
                yaml.append("    ").append(base64, i, Math.min(base64.length(), i + width)).append('\n');
            }
            Path log = log("sales-db1.log", yaml.toString());

            assertThat(scan(log).findings()).as("wrapped at " + width).extracting(SecretsScan.Finding::problem)
                    .containsExactly("holds the host private key of sales-db1");
        }
    }

    @Test
    void findsASecretSplitInTwoAtAnyPointOrQuotedPieceByPiece() throws IOException {
        String authKey = store.heartbeatAuthKey().orElseThrow();
        for (int cut = 1; cut < authKey.length(); cut++) {
            Path log = log("sales-db2.log", "key: " + authKey.substring(0, cut) + "\n   and later, after other text: "
                    + authKey.substring(cut) + "\n");
            assertThat(scan(log).findings()).as("cut at " + cut).extracting(SecretsScan.Finding::problem)
                    .containsExactly("holds the Heartbeat auth key");
        }
        String drbd = store.drbdSecret("r0").orElseThrow();
        Path quoted = log("events.jsonl", "{\"cmd\":\"echo \\\"" + drbd.substring(0, 20) + "\\\" \\\n  \\\""
                + drbd.substring(20) + "\\\"\"}\n");
        assertThat(scan(quoted).findings()).extracting(SecretsScan.Finding::problem)
                .containsExactly("holds the DRBD secret of r0");
    }

    /**
     * The file is compared through its base64 view, not as it is written: a key quoted in pieces shorter than
     * {@value SecretsScan#PIECE} characters (no piece of it whole on any line) and a secret written as JSON's
     * unicode escapes are found all the same.
     */
    @Test
    void findsAKeyQuotedInPiecesShorterThanAPieceAndASecretInUnicodeEscapes() throws IOException {
        String key = Files.readString(store.nodeHostPrivateKeyFile("sales-db1"));
        String base64 = key.replace(SshKeyPair.BEGIN, "").replace(SshKeyPair.END, "").replaceAll("\\s", "");
        for (int width = 1; width < SecretsScan.PIECE; width++) {
            StringBuilder quoted = new StringBuilder("hostKey: (\n");
            for (int i = 0; i < base64.length(); i += width) {
                quoted.append("  \"").append(base64, i, Math.min(base64.length(), i + width)).append("\"\n");
            }
            Path log = log("sales-db1.log", quoted.append(")\n").toString());

            assertThat(scan(log).findings()).as("quoted in pieces of " + width).extracting(SecretsScan.Finding::problem)
                    .containsExactly("holds the host private key of sales-db1");
        }
        StringBuilder escaped = new StringBuilder("{\"key\":\"");
        store.heartbeatAuthKey().orElseThrow().chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        Path json = log("events.jsonl", escaped.append("\"}\n").toString());

        assertThat(scan(json).findings()).extracting(SecretsScan.Finding::problem)
                .containsExactly("holds the Heartbeat auth key");
    }

    @Test
    void reportsASymbolicLinkAndFollowsItInsideTheScannedFolder() throws IOException {
        Path copy = log("notes.txt", "auth " + store.heartbeatAuthKey().orElseThrow() + "\n");
        Path inside = Files.createSymbolicLink(run.resolve("inside.log"), copy.getFileName());

        assertThat(scan(run).findings()).extracting(SecretsScan.Finding::file, SecretsScan.Finding::problem)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(copy, "holds the Heartbeat auth key"),
                        org.assertj.core.groups.Tuple.tuple(inside, "is a symbolic link to notes.txt (hainstall writes none); followed: what it shows is "
                                        + "searched under this name"),
                        org.assertj.core.groups.Tuple.tuple(inside, "holds the Heartbeat auth key"));
    }

    @Test
    void reportsALinkLeadingOutsideOrNowhereAndAPipeWithoutReadingThem() throws Exception {
        Files.createSymbolicLink(run.resolve("secret.log"), store.folder().resolve("heartbeat.authkey"));
        Files.createSymbolicLink(run.resolve("disk.log"), Path.of("/dev/zero"));
        Files.createSymbolicLink(run.resolve("gone.log"), run.resolve("no-such-file"));
        Process mkfifo = new ProcessBuilder("mkfifo", run.resolve("pipe.log").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        // A hang guard only: reading /dev/zero or the pipe would never end.
        SecretsScan.Report report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> scan(run));

        assertThat(report.clean()).isFalse();
        assertThat(report.findings()).extracting(f -> f.file().getFileName().toString() + ": " + f.problem())
                .containsExactlyInAnyOrder(
                        "disk.log: is a symbolic link to /dev/zero outside the scanned folder; not followed (scan that "
                                + "path itself if it belongs to the run)",
                        "secret.log: is a symbolic link to " + store.folder().resolve("heartbeat.authkey")
                                + " outside the scanned folder; not followed (scan that path itself if it belongs to "
                                + "the run)",
                        "gone.log: is a symbolic link to " + run.resolve("no-such-file") + ", which does not resolve",
                        "pipe.log: is not a regular file (a pipe, device or socket); it was not read");
    }

    @Test
    void findsAnyPrivateKeyByItsMarker() throws IOException {
        SshKeyPair stranger = new KeyGenerator().ed25519();
        Path exported = tmp.resolve("export.txt");
        Files.write(exported, stranger.toOpenSshPrivateKey("someone"));

        assertThat(scan(exported).findings()).extracting(SecretsScan.Finding::problem)
                .containsExactly("holds a private-key marker");
    }

    @Test
    void aSeedIsoMayHoldItsOwnNodesHostKeyButNoOtherNodesSecrets() throws IOException {
        byte[] own = store.nodeHostPrivateKey("sales-db2").orElseThrow();
        byte[] other = store.nodeHostPrivateKey("sales-db1").orElseThrow();
        Path iso = tmp.resolve("sales-db2-seed.iso");
        Files.write(iso, concat(new byte[2048], own, new byte[4096]));
        Path leaky = tmp.resolve("leaky-seed.iso");
        Files.write(leaky, concat(new byte[2048], own, new byte[100], other));
        SecretsScan scan = SecretsScan.of(store);

        assertThat(scan.scan(List.of(SecretsScan.Target.seedIso(iso, "sales-db2"))).findings()).isEmpty();
        assertThat(scan.scan(List.of(SecretsScan.Target.seedIso(leaky, "sales-db2"))).findings())
                .extracting(SecretsScan.Finding::problem).containsExactly("holds the host private key of sales-db1");
        assertThat(scan.scan(List.of(SecretsScan.Target.seedIso(iso, "sales-db1"))).findings())
                .extracting(SecretsScan.Finding::problem).containsExactly("holds the host private key of sales-db2");
    }

    @Test
    void findsASecretThatStraddlesTwoReadChunks() throws IOException {
        String authKey = store.heartbeatAuthKey().orElseThrow();
        byte[] pad = new byte[(1 << 20) - 5];
        Path big = tmp.resolve("big.bin");
        Files.write(big, concat(pad, authKey.getBytes(StandardCharsets.US_ASCII)));

        assertThat(scan(big).findings()).extracting(SecretsScan.Finding::problem)
                .containsExactly("holds the Heartbeat auth key");
    }

    @Test
    void findsAnExtraSecretSuchAsACallBackToken() throws IOException {
        String token = "0123456789abcdef".repeat(4);
        Path nodeLog = log("sales-db1.log", "curl -H 'X-Token: " + token + "'\n");

        assertThat(SecretsScan.of(store).with("the call-back token of sales-db1", token)
                .scan(List.of(SecretsScan.Target.of(run))).findings())
                .extracting(SecretsScan.Finding::file, SecretsScan.Finding::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(nodeLog, "holds the call-back token of sales-db1"));
    }

    @Test
    void reportsLogsOthersCanReadAndSecretFilesOrFoldersTheGroupCanRead() throws IOException {
        Path events = run.resolve("events.jsonl");
        Files.setPosixFilePermissions(events, PosixFilePermissions.fromString("rw-r--r--"));
        Path nodeLog = log("sales-db1.log", "fine\n");
        Files.setPosixFilePermissions(nodeLog, PosixFilePermissions.fromString("rw-r-----"));
        Path drbdDir = store.folder().resolve("drbd");
        Files.setPosixFilePermissions(drbdDir, PosixFilePermissions.fromString("rwxr-x---"));
        Path authKey = store.folder().resolve("heartbeat.authkey");
        Files.setPosixFilePermissions(authKey, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(scan(run).findings()).extracting(SecretsScan.Finding::file).containsExactlyInAnyOrder(
                events, drbdDir, authKey);
    }

    @Test
    void aCopyOfTheTerminalsOutputIsSearchedButItsModeIsNotJudged() throws IOException {
        Path terminal = tmp.resolve("create.log");
        Files.writeString(terminal, "Run finished\n");
        Files.setPosixFilePermissions(terminal, PosixFilePermissions.fromString("rw-r--r--"));
        SecretsScan scan = SecretsScan.of(store);

        assertThat(scan.scan(List.of(SecretsScan.Target.contentOnly(terminal))).findings()).isEmpty();
        Files.writeString(terminal, "key " + store.heartbeatAuthKey().orElseThrow() + "\n");
        assertThat(scan.scan(List.of(SecretsScan.Target.contentOnly(terminal))).findings())
                .extracting(SecretsScan.Finding::problem).containsExactly("holds the Heartbeat auth key");
    }

    @Test
    void aMissingPathIsAFindingNotASilentPass() {
        assertThat(scan(tmp.resolve("no-such-run")).clean()).isFalse();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
