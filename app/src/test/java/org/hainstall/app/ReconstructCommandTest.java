package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reconstruct's refusals before any node is contacted (the reading itself: GuiReconstructionTest, core's tests). */
class ReconstructCommandTest {
    @TempDir
    Path tmp;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Launcher.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void aRemoteNodeWithoutAConfigOrAFingerprintIsRefusedAndNothingIsWritten() {
        Path out = tmp.resolve("copy.yaml");
        assertThat(run("reconstruct", "--output", out.toString(), "--from", "127.0.0.1")).isEqualTo(2);
        assertThat(err.toString()).contains("never trusts a host key on first use");
        assertThat(out).doesNotExist();
    }

    @Test
    void aHostThatIsNotANodeOfTheConfigIsNamedAndNothingIsWritten() throws Exception {
        Path config = Files.copy(Path.of("..", "examples", "cluster.yaml"), tmp.resolve("sales-db.yaml"));
        Path out = tmp.resolve("copy.yaml");
        assertThat(run("reconstruct", "--output", out.toString(), "--from", "sales-db9", "--config",
                config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("sales-db9 is not a node of " + config);
        assertThat(out).doesNotExist();
    }
}
