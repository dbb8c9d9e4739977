package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's user-data as cloud-init itself reads it: Debian's cloud-init package checks it (.ci/run installs it). */
class NoCloudFilesTest {
    private static final Path CLOUD_INIT = Path.of("/usr/bin/cloud-init");

    @TempDir
    Path dir;

    @Test
    void userDataPassesCloudInitsOwnSchemaCheck() throws Exception {
        assertThat(schemaCheck(NoCloudFiles.userData())).isEqualTo("Valid cloud-config");
    }

    @Test
    void cloudInitsSchemaCheckRejectsWhatTheSeedUsedToCarry() throws Exception {
        // The check this test relies on can fail: an empty key-type list (the old user-data) is refused.
        assertThat(schemaCheck("#cloud-config\nssh_genkeytypes: []\n")).contains("is too short");
    }

    private String schemaCheck(String userData) throws Exception {
        assumeTrue(Files.isExecutable(CLOUD_INIT), "cloud-init is not installed (apt-get install cloud-init)");
        Path file = dir.resolve("user-data");
        Files.writeString(file, userData);
        Process p = new ProcessBuilder(CLOUD_INIT.toString(), "schema", "--config-file", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.contains("Valid cloud-config") && p.exitValue() == 0 ? "Valid cloud-config" : out;
    }
}
