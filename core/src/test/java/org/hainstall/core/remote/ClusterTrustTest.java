package org.hainstall.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

class ClusterTrustTest {
    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    private final KeyGenerator keys = new KeyGenerator();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private SecretsStore store;
    private SshLogin adminLogin;
    private ClusterConfig config;

    private final ClusterTrust.Console yes = new ClusterTrust.Console() {
        @Override
        public void info(String line) {
            said.add(line);
        }

        @Override
        public boolean confirm(String question) {
            asked.add(question);
            return true;
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        store = new SecretsStore(tmp.resolve("c.secrets"));
        config = TestClusters.onLoopback(sshd.port(), "root");
        new SecretsGenerator(store, keys).ensureAdminKey(config);
        SshKeyPair own = keys.ed25519();
        Path ownFile = Files.createFile(tmp.resolve("id"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(ownFile, own.toOpenSshPrivateKey(""));
        sshd.authorize(own.publicKey());
        adminLogin = SshLogin.keyFile(ownFile);
        sshd.on(c -> c.startsWith("umask 077 && mkdir -p ~/.ssh"), ctx -> {
            sshd.authorize(store.adminPublicKey().orElseThrow());
            ctx.stdout().println("installed");
            return 0;
        });
        sshd.on("true", SshServerExtension.print(0));
    }

    private ClusterTrust trust() {
        return new ClusterTrust(new HostKeyTrust(store, HostKeyTrustTest.OPTIONS));
    }

    @Test
    void trustsEveryNodeAfterAskingForEach() throws Exception {
        List<HostKeyTrust.Result> results = trust().trust(config, Optional.empty(), Map.of(), yes, adminLogin,
                Optional.empty());
        assertThat(results).extracting(HostKeyTrust.Result::node).containsExactly("node1", "node2");
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0)).contains("node1", sshd.hostKey().fingerprint(), "Type yes").doesNotContain("CHANGED");
        assertThat(store.pinnedHostKeys()).containsOnlyKeys("node1", "node2");
        assertThat(said).anyMatch(l -> l.startsWith("node2: host key " + sshd.hostKey().fingerprint() + " pinned"));
    }

    @Test
    void aSecondRunAsksNothingAndChangesNoPin() throws Exception {
        trust().trust(config, Optional.empty(), Map.of(), yes, adminLogin, Optional.empty());
        asked.clear();
        List<HostKeyTrust.Result> again = trust().trust(config, Optional.empty(), Map.of(), yes, adminLogin,
                Optional.empty());
        assertThat(asked).isEmpty();
        assertThat(again).noneMatch(HostKeyTrust.Result::pinChanged);
    }

    @Test
    void trustsOnlyTheNamedNode() throws Exception {
        trust().trust(config, Optional.of("node2"), Map.of("node2", sshd.hostKey().fingerprint()), yes, adminLogin,
                Optional.empty());
        assertThat(asked).isEmpty();
        assertThat(store.pinnedHostKeys()).containsOnlyKeys("node2");
    }

    @Test
    void rejectsNamesThatAreNotNodesBeforeContactingAnything() {
        assertThatThrownBy(() -> trust().trust(config, Optional.of("node9"), Map.of(), yes, adminLogin,
                Optional.empty())).hasMessageContaining("node9");
        assertThatThrownBy(() -> trust().trust(config, Optional.empty(), Map.of("nodeX", "SHA256:x"), yes,
                adminLogin, Optional.empty())).hasMessageContaining("nodeX");
        assertThat(sshd.connectionsOpened()).isZero();
    }

    @Test
    void warnsLoudlyWhenAPinnedKeyChanged() {
        String question = ClusterTrust.question("node1", "10.0.0.1", sshd.hostKey(),
                Optional.of(keys.ed25519().publicKey()));
        assertThat(question).startsWith("WARNING").contains("CHANGED", "ssh_host_ed25519_key.pub");
    }
}
