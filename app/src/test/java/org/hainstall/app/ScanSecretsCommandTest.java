package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.Example;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanSecretsCommandTest {
    @TempDir
    Path dir;

    private Path config;
    private Path runs;
    private SecretsStore store;
    private String out;

    @BeforeEach
    void aClusterWithSecretsAndARun() throws Exception {
        config = dir.resolve("cluster.yaml");
        Files.copy(Example.path(), config);
        store = SecretsStore.besideConfig(config);
        new SecretsGenerator(store, new KeyGenerator()).ensureGenerated(new ConfigLoader().load(config));
        runs = Files.createDirectories(dir.resolve("cluster.state/runs/20261126-0100"));
        Path log = Files.writeString(runs.resolve("sales-db1.log"), "created the DRBD metadata\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        int status = Launcher.run(new PrintWriter(o, true), new PrintWriter(new StringWriter(), true), args);
        out = o.toString();
        return status;
    }

    @Test
    void aCleanRunExitsZero() {
        assertThat(run("scan-secrets", "--config", config.toString(), runs.toString(), config.toString())).isZero();
        assertThat(out).contains("No secret found in 2 file(s)");
    }

    @Test
    void aPlantedAuthKeyExitsOneNamingTheFileButNotTheKey() throws Exception {
        String key = store.heartbeatAuthKey().orElseThrow();
        Files.writeString(runs.resolve("sales-db1.log"), "auth 1\nsha1 " + key + "\n");

        assertThat(run("scan-secrets", "--config", config.toString(), runs.toString())).isEqualTo(1);
        assertThat(out).contains(runs.resolve("sales-db1.log") + ": holds the Heartbeat auth key").doesNotContain(key);
    }

    @Test
    void withoutASecretsFolderThereIsNothingToCheckAndItExitsTwo() throws Exception {
        Path other = dir.resolve("other.yaml");
        Files.copy(Example.path(), other);

        assertThat(run("scan-secrets", "--config", other.toString(), runs.toString())).isEqualTo(2);
        assertThat(out).contains("no secrets folder");
    }

    @Test
    void aLogOthersCanReadFailsWhileATerminalCopyPassedAsContentOnlyIsNotJudged() throws Exception {
        Path terminal = Files.writeString(dir.resolve("create.log"), "Run finished\n");
        Files.setPosixFilePermissions(terminal, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run("scan-secrets", "--config", config.toString(), runs.toString(),
                "--content-only", terminal.toString())).isZero();

        Files.setPosixFilePermissions(runs.resolve("sales-db1.log"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run("scan-secrets", "--config", config.toString(), runs.toString(),
                "--content-only", terminal.toString())).isEqualTo(1);
        assertThat(out).contains(runs.resolve("sales-db1.log") + ": log file has mode rw-r--r--");
    }
}
