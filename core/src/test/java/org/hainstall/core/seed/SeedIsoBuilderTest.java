package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.hainstall.core.config.ClusterConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

/** Builds real seed ISOs with xorriso and reads them back with xorriso. */
class SeedIsoBuilderTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void xorrisoIsInstalled() {
        assertThat(Files.isExecutable(Path.of("/usr/bin/xorriso")))
                .as("xorriso is needed (apt-get install xorriso; .ci/run installs it)").isTrue();
    }

    private static SeedInputs inputs(ClusterConfig config, String node, String mac, String replMac) {
        return new SeedInputs(config, node, mac, replMac, TestKeys.ed25519PublicLine("admin@workstation"),
                new NodeSeedSecrets(TestKeys.privateKeyFile(), TestKeys.ed25519PublicLine("root@" + node),
                        TestKeys.token()));
    }

    @Test
    void holdsExactlyTheContractFilesWithSecretsPrivate() throws Exception {
        SeedInputs in = inputs(TestClusters.twoNodes(), "sales-db1", "52:54:00:00:00:11", "52:54:00:00:01:11");

        Path iso = new SeedIsoBuilder().build(in, dir.resolve("seeds"));

        assertThat(iso.getFileName().toString()).isEqualTo("sales-db1-seed.iso");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(iso))).isEqualTo("rw-------");
        assertThat(files(iso)).containsExactlyInAnyOrder("/meta-data", "/user-data", "/network-config",
                "/hainstall/node-prep.sh", "/hainstall/callback.py", "/hainstall/node.env", "/hainstall/ssh/ssh_host_ed25519_key",
                "/hainstall/ssh/ssh_host_ed25519_key.pub", "/hainstall/authorized_keys", "/hainstall/callback.token");
        assertThat(xorriso("-indev", iso.toString(), "-pvd_info")).contains("Volume Id    : cidata");
        String listing = xorriso("-indev", iso.toString(), "-find", "/", "-exec", "lsdl");
        assertThat(lineOf(listing, "'/hainstall/ssh/ssh_host_ed25519_key'")).startsWith("-rw-------");
        assertThat(lineOf(listing, "'/hainstall/callback.token'")).startsWith("-rw-------");
        assertThat(lineOf(listing, "'/hainstall/node.env'")).startsWith("-rw-------");

        Path out = extract(iso);
        assertThat(Files.readAllBytes(out.resolve("hainstall/ssh/ssh_host_ed25519_key")))
                .isEqualTo(in.secrets().hostPrivateKey());
        assertThat(Files.readAllBytes(out.resolve("hainstall/callback.token"))).isEqualTo(in.secrets().token().fileContent());
        assertThat(Files.readString(out.resolve("hainstall/node.env"))).contains("NODE_MAC='52:54:00:00:00:11'");
        assertThat(Files.readString(out.resolve("meta-data"))).contains("local-hostname: sales-db1");
        assertThat(Files.readString(out.resolve("network-config"))).contains("config: disabled");
        assertThat(Files.readString(out.resolve("user-data"))).startsWith("#cloud-config\n");
        assertThat(out.resolve("hainstall/node-prep.sh")).hasSameBinaryContentAs(
                Path.of(SeedIsoBuilder.class.getResource(SeedIsoBuilder.NODE_PREP_RESOURCE).toURI()));
        // The staging folder is gone: no secret left lying beside the ISO.
        try (var s = Files.list(dir.resolve("seeds"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("sales-db1-seed.iso");
        }
    }

    @Test
    void carriesOnlyTheDebsAndIndexOfTheLocalRepository() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("drbd-utils_9.22_amd64.deb"), "deb");
        Files.writeString(repo.resolve("Packages"), "Package: drbd-utils\n");
        Files.writeString(repo.resolve("notes.txt"), "not a package");
        Files.createDirectories(repo.resolve("sub")).resolve("x.deb");
        Files.writeString(repo.resolve("sub/x.deb"), "nested");
        SeedInputs in = inputs(TestClusters.twoNodes(repo.toString(), null), "sales-db2", "52:54:00:00:00:12",
                "52:54:00:00:01:12");

        Path iso = new SeedIsoBuilder().build(in, dir.resolve("seeds"));

        assertThat(files(iso)).filteredOn(f -> f.startsWith("/hainstall/debs/"))
                .containsExactlyInAnyOrder("/hainstall/debs/drbd-utils_9.22_amd64.deb", "/hainstall/debs/Packages");
    }

    @Test
    void refusesALocalRepositoryWithoutIndexNamingTheConfigPath() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("a.deb"), "deb");
        SeedInputs in = inputs(TestClusters.twoNodes(repo.toString(), null), "sales-db1", "52:54:00:00:00:11",
                "52:54:00:00:01:11");

        assertThatThrownBy(() -> new SeedIsoBuilder().build(in, dir.resolve("seeds")))
                .isInstanceOf(SeedException.class).hasMessageContaining("packages.localRepository");
        assertThat(dir.resolve("seeds")).doesNotExist();
    }

    @Test
    void nodeBsIsoHoldsNoneOfNodeAsSecrets() throws Exception {
        ClusterConfig config = TestClusters.twoNodes();
        SeedInputs a = inputs(config, "sales-db1", "52:54:00:00:00:11", "52:54:00:00:01:11");
        SeedInputs b = inputs(config, "sales-db2", "52:54:00:00:00:12", "52:54:00:00:01:12");
        SeedIsoBuilder builder = new SeedIsoBuilder();
        builder.build(a, dir.resolve("seeds"));
        Path isoB = builder.build(b, dir.resolve("seeds"));

        byte[] bytesB = Files.readAllBytes(isoB);
        String tokenA = new String(a.secrets().token().fileContent(), StandardCharsets.US_ASCII).strip();
        String keyA = new String(a.secrets().hostPrivateKey(), StandardCharsets.US_ASCII);
        String isoText = new String(bytesB, StandardCharsets.ISO_8859_1);
        assertThat(isoText).doesNotContain(tokenA);
        // Real OpenSSH key files share their first base64 line (the format's header); every other line is A's own.
        java.util.Set<String> shared = new String(b.secrets().hostPrivateKey(), StandardCharsets.US_ASCII).lines()
                .collect(java.util.stream.Collectors.toSet());
        for (String line : keyA.lines().filter(l -> !l.startsWith("-----") && !shared.contains(l)).toList()) {
            assertThat(isoText).doesNotContain(line);
        }
        assertThat(isoText).doesNotContain(a.secrets().hostPublicKey().split(" ")[1]);
        // …while it does hold its own, which shows the search would find them.
        assertThat(isoText).contains(new String(b.secrets().token().fileContent(), StandardCharsets.US_ASCII).strip());
    }

    @Test
    void refusesAMissingXorrisoClearly() {
        SeedInputs in = inputs(TestClusters.twoNodes(), "sales-db1", "52:54:00:00:00:11", "52:54:00:00:01:11");
        assertThatThrownBy(() -> new SeedIsoBuilder("/nonexistent/xorriso", 10).build(in, dir.resolve("seeds")))
                .isInstanceOf(SeedException.class).hasMessageContaining("apt-get install xorriso");
    }

    private static String lineOf(String listing, String name) {
        return listing.lines().filter(l -> l.endsWith(name)).findFirst().orElse("");
    }

    private static List<String> files(Path iso) throws Exception {
        List<String> files = new ArrayList<>();
        for (String line : xorriso("-indev", iso.toString(), "-find", "/", "-type", "f").lines().toList()) {
            String t = line.strip();
            if (t.startsWith("'") && t.endsWith("'")) {
                files.add(t.substring(1, t.length() - 1));
            }
        }
        return files;
    }

    private Path extract(Path iso) throws Exception {
        Path out = dir.resolve("extracted");
        xorriso("-osirrox", "on", "-indev", iso.toString(), "-extract", "/", out.toString());
        return out;
    }

    static String xorriso(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("xorriso", "-abort_on", "FAILURE"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("xorriso " + String.join(" ", args)).isZero();
        return out;
    }

}
