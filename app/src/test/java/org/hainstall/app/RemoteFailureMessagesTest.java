package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.app.logging.LogSettings;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigOverrides;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.SshServerExtension;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * FAULTS 48: the everyday commands, run through the real command line ({@link Launcher}, picocli, Guice, SSH)
 * against a real SSH server that offers another host key, against a port where nothing listens, and with a key
 * the server refuses. What the admin's terminal shows (stdout and stderr, the process's own streams included, where
 * a library's logging would land) is one sentence per node, naming it and the next step: no library log line and
 * no stack trace. The details are in the application log instead.
 */
class RemoteFailureMessagesTest {
    private static final String DB1 = "127.0.0.1";
    private static final String DB2 = "127.0.0.2";

    /** One server for both nodes of the config, on two loopback addresses. */
    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension(DB1, DB2);

    @TempDir
    Path tmp;

    private final KeyGenerator keys = new KeyGenerator();
    private Path config;
    private SecretsStore store;

    /** The example cluster, its nodes on the server's two addresses; its admin key generated. */
    private void cluster(int port) throws Exception {
        ClusterConfig example = new ConfigLoader().load(Path.of("..", "examples", "cluster.yaml"));
        ClusterConfig onLoopback = new ConfigOverrides().apply(example, List.of("network.subnet=127.0.0.0/8",
                "network.gateway=127.0.0.254", "network.dns=127.0.0.254", "network.serviceAddress=127.0.0.50",
                "management.address=192.0.2.10", "nodes[0].address=" + DB1, "nodes[1].address=" + DB2,
                "access.port=" + port));
        config = tmp.resolve("sales-db.yaml");
        new ConfigWriter().write(onLoopback, config);
        store = SecretsStore.besideConfig(config);
        new SecretsGenerator(store, new KeyGenerator()).ensureGenerated(onLoopback);
    }

    /** The nodes answer, but offer a host key other than the pinned one (a reinstall, or an attack). */
    private void anotherHostKey() throws Exception {
        cluster(sshd.port());
        store.pin("sales-db1", keys.ed25519().publicKey());
        store.pin("sales-db2", keys.ed25519().publicKey());
        sshd.authorize(store.adminPublicKey().orElseThrow());
    }

    /** Nothing listens on the configured SSH port. */
    private void connectionRefused() throws Exception {
        cluster(SshServerExtension.closedPort());
        store.pin("sales-db1", sshd.hostKey());
        store.pin("sales-db2", sshd.hostKey());
    }

    /** The right host key, but the cluster's key is not in the access user's authorized_keys. */
    private void keyRefused() throws Exception {
        cluster(sshd.port());
        store.pin("sales-db1", sshd.hostKey());
        store.pin("sales-db2", sshd.hostKey());
    }

    /** What one command left on the terminal, and its exit status. */
    private record Terminal(int exit, String text) {
        /** Asserts the things every failure must show and never show. */
        Terminal quiet() {
            assertThat(text).as("no library log line or stack trace reaches the terminal")
                    .doesNotContain("net.schmizz", "org.apache.sshd", "\tat ", "Exception", "SLF4J",
                            "identity string", "Dying because", "<<kex done>>", "Disconnect")
                    // slf4j-simple's "[ERROR] …" and a logback pattern's "ERROR [thread] logger: …"
                    .doesNotContainPattern("\\[(ERROR|WARN|INFO|DEBUG)\\]")
                    .doesNotContainPattern("(?m)(ERROR|WARN|INFO|DEBUG) +\\[[^\\]]+\\] ");
            return this;
        }

        /** The fragment appears exactly once. */
        Terminal once(String fragment) {
            assertThat(text).as("said once: " + fragment).contains(fragment);
            assertThat(text.indexOf(fragment)).as("said only once: " + fragment)
                    .isEqualTo(text.lastIndexOf(fragment));
            return this;
        }

        Terminal says(String... fragments) {
            assertThat(text).contains(fragments);
            return this;
        }
    }

    /** Runs the real command line with the process's stdout and stderr captured too. */
    private Terminal hainstall(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(terminal);
        System.setErr(terminal);
        int exit;
        try {
            PrintWriter writer = new PrintWriter(terminal, true);
            exit = Launcher.run(writer, writer, args);
            writer.flush();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Terminal(exit, captured.toString(StandardCharsets.UTF_8));
    }

    private Path output() {
        return tmp.resolve("copy.yaml");
    }

    private static String applicationLog() throws Exception {
        Path log = LogSettings.from(System.getenv(), System.getProperty("user.home")).applicationLog();
        return Files.readString(log);
    }

    // ---- another host key ----

    @Test
    void statusNamesEachNodeWhoseHostKeyChangedOnceAndPointsAtTrust() throws Exception {
        anotherHostKey();
        Terminal t = hainstall("status", "--config", config.toString()).quiet();
        assertThat(t.exit()).isEqualTo(1);
        t.once("host key of sales-db1 (127.0.0.1:" + sshd.port() + ") does not match the pinned one")
                .once("host key of sales-db2 (127.0.0.2:" + sshd.port() + ") does not match the pinned one")
                .says("`hainstall trust`", "sales-db1: could not be read (see its line)",
                        "sales-db2: could not be read (see its line)");
        assertThat(sshd.commands()).as("nothing was sent to a node with another key").isEmpty();
        assertThat(applicationLog()).as("the library's account went to the log")
                .contains("net.schmizz", "HOST_KEY_NOT_VERIFIABLE");
    }

    @Test
    void modifyNamesTheNodeWhoseHostKeyChangedOnceAndChangesNothing() throws Exception {
        anotherHostKey();
        Terminal t = hainstall("modify", "--config", config.toString(), "--yes").quiet();
        assertThat(t.exit()).isEqualTo(ExitCodes.STEP_FAILED);
        t.once("host key of sales-db1 (127.0.0.1:" + sshd.port() + ") does not match the pinned one")
                .says("`hainstall trust`", "nothing was changed");
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void reconstructFromANodeWhoseHostKeyChangedNamesItOnceAndWritesNothing() throws Exception {
        anotherHostKey();
        Terminal t = hainstall("reconstruct", "--config", config.toString(), "--from", "sales-db2", "--output",
                output().toString()).quiet();
        assertThat(t.exit()).isEqualTo(2);
        t.once("host key of sales-db2 (127.0.0.2:" + sshd.port() + ") does not match the pinned one")
                .says("`hainstall trust`", "Nothing was written");
        assertThat(output()).doesNotExist();
    }

    @Test
    void reconstructOfTheClusterGivesEachNodesReasonOnceAndWritesNothing() throws Exception {
        anotherHostKey();
        Terminal t = hainstall("reconstruct", "--config", config.toString(), "--output", output().toString())
                .quiet();
        assertThat(t.exit()).isEqualTo(2);
        t.once("no node of " + config + " could be read, so nothing was written")
                .once("host key of sales-db1 (127.0.0.1:" + sshd.port() + ")")
                .once("host key of sales-db2 (127.0.0.2:" + sshd.port() + ")")
                .says("`hainstall trust`");
        assertThat(output()).doesNotExist();
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void trustWithAWrongFingerprintNamesTheNodeBothKeysAndHowToCompareThem() throws Exception {
        anotherHostKey();
        String wrong = keys.ed25519().publicKey().fingerprint();
        Terminal t = hainstall("trust", "--config", config.toString(), "--node", "sales-db1",
                "--fingerprint", "sales-db1=" + wrong).quiet();
        assertThat(t.exit()).isEqualTo(1);
        t.once("sales-db1 (127.0.0.1:" + sshd.port() + ") offers host key " + sshd.hostKey().fingerprint())
                .says("not the expected " + wrong, "nothing was pinned", "ssh-keygen -l -f");
    }

    // ---- connection refused ----

    @Test
    void aRefusedConnectionIsOneSentencePerNodeInEveryCommand() throws Exception {
        connectionRefused();
        Terminal status = hainstall("status", "--config", config.toString()).quiet();
        assertThat(status.exit()).isEqualTo(1);
        status.once("sales-db1 (127.0.0.1:").once("sales-db2 (127.0.0.2:").says("refused the connection",
                "run the command again", "no node could be read");

        Terminal modify = hainstall("modify", "--config", config.toString(), "--yes").quiet();
        assertThat(modify.exit()).isEqualTo(ExitCodes.STEP_FAILED);
        modify.once("sales-db1 (127.0.0.1:").says("refused the connection", "run the command again",
                "nothing was changed");

        Terminal reconstruct = hainstall("reconstruct", "--config", config.toString(), "--output",
                output().toString()).quiet();
        assertThat(reconstruct.exit()).isEqualTo(2);
        reconstruct.once("sales-db1 (127.0.0.1:").once("sales-db2 (127.0.0.2:")
                .says("refused the connection", "nothing was written");
        assertThat(output()).doesNotExist();

        Terminal trust = hainstall("trust", "--config", config.toString(), "--node", "sales-db1",
                "--fingerprint", "sales-db1=" + sshd.hostKey().fingerprint()).quiet();
        assertThat(trust.exit()).isEqualTo(1);
        trust.once("sales-db1 (127.0.0.1:").says("refused the connection", "run the command again");
    }

    // ---- authentication refused ----

    @Test
    void aRefusedLoginIsOneSentencePerNodeNamingTheUserTheKeyAndTrust() throws Exception {
        keyRefused();
        String key = store.adminPrivateKeyFile().toString();
        Terminal status = hainstall("status", "--config", config.toString()).quiet();
        assertThat(status.exit()).isEqualTo(1);
        status.once("sales-db1 (127.0.0.1:" + sshd.port() + ") refused the login of user 'root'")
                .once("sales-db2 (127.0.0.2:" + sshd.port() + ") refused the login of user 'root'")
                .says(key, "`hainstall trust`");

        Terminal modify = hainstall("modify", "--config", config.toString(), "--yes").quiet();
        assertThat(modify.exit()).isEqualTo(ExitCodes.STEP_FAILED);
        modify.once("sales-db1 (127.0.0.1:" + sshd.port() + ") refused the login of user 'root'")
                .says("`hainstall trust`", "nothing was changed");

        Terminal reconstruct = hainstall("reconstruct", "--config", config.toString(), "--output",
                output().toString()).quiet();
        assertThat(reconstruct.exit()).isEqualTo(2);
        reconstruct.once("sales-db1 (127.0.0.1:" + sshd.port() + ") refused the login")
                .once("sales-db2 (127.0.0.2:" + sshd.port() + ") refused the login").says("nothing was written");
        assertThat(output()).doesNotExist();
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void trustWithALoginKeyTheNodeRefusesSaysWhichKeyAndUserAndPinsTheRightKeyOnly() throws Exception {
        keyRefused();
        SshKeyPair stranger = keys.ed25519();
        Path strangerKey = Files.createFile(tmp.resolve("id_stranger"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(strangerKey, stranger.toOpenSshPrivateKey(""));
        Terminal t = hainstall("trust", "--config", config.toString(), "--node", "sales-db1", "--login-key",
                strangerKey.toString(), "--fingerprint", "sales-db1=" + sshd.hostKey().fingerprint()).quiet();
        assertThat(t.exit()).isEqualTo(1);
        t.once("sales-db1 (127.0.0.1:" + sshd.port() + ") refused the login of user 'root' with the key "
                + strangerKey).says("authorized_keys");
    }

    // ---- reconstruct reads the cluster it is given ----

    @Test
    void reconstructWithAConfigAndNoFromReadsTheActiveNodeOverSshAndNeverThisMachine() throws Exception {
        cluster(sshd.port());
        store.pin("sales-db1", sshd.hostKey());
        store.pin("sales-db2", sshd.hostKey());
        sshd.authorize(store.adminPublicKey().orElseThrow());
        // sales-db2 (127.0.0.2) holds DRBD Primary; sales-db1 is its standby. Each node is read in one probe, its
        // facts answered as a node whose cluster files are missing, /proc/drbd and its name aside.
        List<String> probedFacts = new java.util.concurrent.CopyOnWriteArrayList<>();
        sshd.on(line -> line.startsWith("sh -s -- "), ctx -> SshServerExtension.probe(c -> {
            probedFacts.add(ctx.serverAddress() + " " + c.line());
            boolean db2 = ctx.serverAddress().equals(DB2);
            if (c.line().equals("uname -n")) {
                return new CommandResult(0, (db2 ? "sales-db2" : "sales-db1") + "\n", "");
            }
            if (c.line().equals("cat /proc/drbd")) {
                String role = db2 ? "Primary/Secondary" : "Secondary/Primary";
                return new CommandResult(0, " 0: cs:Connected ro:" + role + " ds:UpToDate/UpToDate C r-----\n", "");
            }
            return new CommandResult(1, "", "No such file or directory\n");
        }).run(ctx));

        Terminal t = hainstall("reconstruct", "--config", config.toString(), "--output", output().toString())
                .quiet();

        t.once("reading sales-db2 (the active node: it holds DRBD Primary)");
        assertThat(sshd.commandsTo(DB1)).as("the standby: one look, which said it is not active").singleElement()
                .asString().startsWith("sh -s -- ");
        assertThat(sshd.commandsTo(DB2)).as("the active node: one look, chosen by it and not read again")
                .singleElement().asString().startsWith("sh -s -- ");
        assertThat(probedFacts).contains(DB2 + " uname -n", DB2 + " cat /etc/ha.d/ha.cf", DB1 + " cat /proc/drbd");
        assertThat(output()).exists();
        String thisMachine = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        List<String> names = new ArrayList<>(new ConfigLoader().load(output()).nodes().stream()
                .map(ClusterConfig.Node::name).toList());
        assertThat(names).as("the node read over SSH, not this machine").contains("sales-db2")
                .doesNotContain(thisMachine);
    }

    @Test
    void reconstructWithNeitherAConfigNorFromAsksWhatToReadAndReadsNothing() {
        Terminal t = hainstall("reconstruct", "--output", output().toString()).quiet();
        assertThat(t.exit()).isEqualTo(2);
        t.says("--config FILE reads that cluster's nodes", "--from local", "nothing was written");
        assertThat(output()).doesNotExist();
    }
}
