package org.hainstall.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

class SecretsStoreTest {
    @TempDir
    Path tmp;

    private final KeyGenerator keys = new KeyGenerator();

    private List<Path> everything(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.toList();
        }
    }

    @Test
    void livesBesideTheConfigNamedAfterIt() {
        assertThat(SecretsStore.besideConfig(tmp.resolve("sales-db.yaml")).folder())
                .isEqualTo(tmp.resolve("sales-db.secrets"));
        assertThat(SecretsStore.besideConfig(tmp.resolve("conf/x.json")).folder())
                .isEqualTo(tmp.resolve("conf/x.secrets"));
    }

    @Test
    void foldersAre0700AndFiles0600() throws IOException {
        SecretsStore store = SecretsStore.besideConfig(tmp.resolve("sales-db.yaml"));
        new SecretsGenerator(store, keys).ensureGenerated(TestClusters.twoResources());
        store.pin("sales-db1", keys.ed25519().publicKey());
        List<Path> all = everything(store.folder());
        assertThat(all).hasSizeGreaterThan(10);
        for (Path p : all) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
            assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        }
    }

    @Test
    void layoutIsTheDocumentedOne() {
        SecretsStore store = new SecretsStore(tmp.resolve("c.secrets"));
        new SecretsGenerator(store, keys).ensureGenerated(TestClusters.twoResources());
        Path f = store.folder();
        assertThat(f.resolve("admin_ed25519")).isRegularFile();
        assertThat(f.resolve("admin_ed25519.pub")).isRegularFile();
        assertThat(f.resolve("nodes/sales-db1/ssh_host_ed25519_key")).isRegularFile();
        assertThat(f.resolve("nodes/sales-db2/ssh_host_ed25519_key.pub")).isRegularFile();
        assertThat(f.resolve("heartbeat.authkey")).isRegularFile();
        assertThat(f.resolve("drbd/r0.secret")).isRegularFile();
        assertThat(f.resolve("drbd/r1.secret")).isRegularFile();
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        SecretsStore store = new SecretsStore(tmp.resolve("c.secrets"));
        for (int i = 0; i < 3; i++) {
            store.writeHeartbeatAuthKey(keys.hex(32));
        }
        assertThat(everything(store.folder())).extracting(p -> p.getFileName().toString())
                .noneMatch(name -> name.startsWith("."));
    }

    @Test
    void refusesAFolderOthersCanRead() throws IOException {
        SecretsStore store = new SecretsStore(tmp.resolve("c.secrets"));
        store.writeHeartbeatAuthKey("00ff");
        Files.setPosixFilePermissions(store.folder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(store::heartbeatAuthKey).isInstanceOf(SecretsException.class)
                .hasMessageContaining(store.folder().toString()).hasMessageContaining("chmod 700")
                .hasMessageNotContaining("00ff");
    }

    @Test
    void refusesASecretFileOthersCanRead() throws IOException {
        SecretsStore store = new SecretsStore(tmp.resolve("c.secrets"));
        store.writeDrbdSecret("r0", "abcdef");
        Path file = store.folder().resolve("drbd/r0.secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> store.drbdSecret("r0")).isInstanceOf(SecretsException.class)
                .hasMessageContaining(file.toString()).hasMessageNotContaining("abcdef");
    }

    @Test
    void refusesNamesThatWouldLeaveTheFolder() {
        SecretsStore store = new SecretsStore(tmp.resolve("c.secrets"));
        for (String bad : List.of("../x", "a/b", "..", ".hidden", "", "x;rm")) {
            assertThatThrownBy(() -> store.writeDrbdSecret(bad, "s")).as(bad).isInstanceOf(SecretsException.class);
            assertThatThrownBy(() -> store.pin(bad, keys.ed25519().publicKey())).as(bad)
                    .isInstanceOf(SecretsException.class);
        }
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void pinsOneLinePerNodeAndReplacesARepin() throws IOException {
        SecretsStore store = new SecretsStore(tmp.resolve("c.secrets"));
        SshPublicKey first = keys.ed25519().publicKey();
        SshPublicKey second = keys.ed25519().publicKey();
        SshPublicKey other = keys.ed25519().publicKey();
        store.pin("node1", first);
        store.pin("node2", other);
        store.pin("node1", second);
        assertThat(Files.readAllLines(store.knownHostsFile()))
                .containsExactly("node1 " + second.line(), "node2 " + other.line());
        assertThat(store.pinnedHostKey("node1")).contains(second);
        assertThat(store.pinnedHostKey("node3")).isEmpty();
    }

    @Test
    void reportsAMangledKnownHostsLineWithItsNumber() throws IOException {
        SecretsStore store = new SecretsStore(tmp.resolve("c.secrets"));
        store.pin("node1", keys.ed25519().publicKey());
        Files.writeString(store.knownHostsFile(), "node1 ssh-ed25519 AAAA\n");
        assertThatThrownBy(() -> store.pinnedHostKey("node1")).isInstanceOf(SecretsException.class)
                .hasMessageContaining("known_hosts line 1");
    }

    @Test
    void anEmptyStoreHasNothing() {
        SecretsStore store = new SecretsStore(tmp.resolve("missing.secrets"));
        assertThat(store.adminPublicKey()).isEmpty();
        assertThat(store.heartbeatAuthKey()).isEmpty();
        assertThat(store.pinnedHostKeys()).isEmpty();
        assertThat(store.folder()).doesNotExist();
    }
}
