package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Launcher.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void proposesACloneThatPassesItsOwnCheckWithNewSecrets() throws Exception {
        Path source = Files.copy(Path.of("../examples/cluster.yaml"), dir.resolve("sales-db.yaml"));
        assertThat(run("clone", "--from", source.toString(), "--name", "sales-copy")).as(out + "" + err).isZero();
        Path clone = dir.resolve("sales-copy.yaml");
        assertThat(clone).exists();
        assertThat(dir.resolve("sales-copy.secrets/heartbeat.authkey")).exists();
        assertThat(Files.readString(clone)).contains("sales-copy1").doesNotContain("192.168.122.11")
                .doesNotContain(Files.readString(dir.resolve("sales-copy.secrets/heartbeat.authkey")).strip());

        out.getBuffer().setLength(0);
        assertThat(run("clone", "--from", source.toString(), "--config", clone.toString())).isZero();
    }

    @Test
    void refusesAnUnchangedCopyNamingWhatItShares() throws Exception {
        Path source = Files.copy(Path.of("../examples/cluster.yaml"), dir.resolve("sales-db.yaml"));
        Path copy = Files.copy(source, dir.resolve("copy.yaml"));
        assertThat(run("clone", "--from", source.toString(), "--config", copy.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("CLONE_SAME_CLUSTER_NAME", "nodes[1].address", "CLONE_SAME_UDP_PORT",
                "refused");
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path source = Files.copy(Path.of("../examples/cluster.yaml"), dir.resolve("sales-db.yaml"));
        Files.writeString(dir.resolve("taken.yaml"), "keep me");
        assertThat(run("clone", "--from", source.toString(), "--name", "taken")).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("taken.yaml"))).isEqualTo("keep me");
    }

    @Test
    void takesTheNamesTheConfigTakesAndRefusesTheOthersWritingNothing() throws Exception {
        Path source = Files.copy(Path.of("../examples/cluster.yaml"), dir.resolve("sales-db.yaml"));
        // A leading digit is a valid cluster.name, so --name takes it too.
        assertThat(run("clone", "--from", source.toString(), "--name", "2nd-sales")).as(out + "" + err).isZero();
        assertThat(dir.resolve("2nd-sales.yaml")).exists();

        // A trailing hyphen is not a valid cluster.name: refused before anything is written.
        assertThat(run("clone", "--from", source.toString(), "--name", "sales-")).isEqualTo(ExitCodes.NOTHING_DONE);
        assertThat(err.toString()).contains("--name sales-", "inner hyphens");
        assertThat(dir.resolve("sales-.yaml")).doesNotExist();
        assertThat(dir.resolve("sales-.secrets")).doesNotExist();
    }
}
