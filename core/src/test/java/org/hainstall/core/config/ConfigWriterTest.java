package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigWriterTest {
    private final ConfigWriter writer = new ConfigWriter();
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void yamlRoundTripGivesAnEqualConfig() throws Exception {
        ClusterConfig example = Example.config();

        assertThat(loader.load(writer.toYaml(example), ConfigFormat.YAML)).isEqualTo(example);
    }

    @Test
    void jsonRoundTripGivesAnEqualConfig() throws Exception {
        ClusterConfig example = Example.config();

        assertThat(loader.load(writer.toJson(example), ConfigFormat.JSON)).isEqualTo(example);
    }

    @Test
    void keysComeInTheExamplesOrder() {
        List<String> topLevel = new ArrayList<>();
        for (String line : writer.toYaml(Example.config()).split("\n")) {
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#") && !line.startsWith("-")) {
                topLevel.add(line.substring(0, line.indexOf(':')));
            }
        }

        assertThat(topLevel).containsExactly("cluster", "management", "access", "provisioning", "network", "time",
                "nodes", "storage", "replication", "heartbeat", "db2", "backup");
    }

    @Test
    void unsetValuesAreLeftOutAndTheHeaderSaysCommentsAreNotKept() {
        String yaml = writer.toYaml(Example.config());

        assertThat(yaml).startsWith("# Written by hainstall.").contains("not kept");
        assertThat(yaml).doesNotContain("null").doesNotContain("packages").doesNotContain("mac:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "true", "null", "~", "123", "0x1F", "1e3", "0 2 * * *",
            "a: b", "# not a comment", "- dash", "'quoted'", "\"double\"", "", " padded ", "caf\u00e9", "two\nlines",
            "*alias", "&anchor", "!tag", "@at", "%percent", "{x}", "[y]", "52:54:00:00:00:12", "07"})
    void trickyTextSurvivesTheRoundTrip(String text) throws Exception {
        ClusterConfig example = Example.config();
        ClusterConfig tricky = new ClusterConfig(new ClusterConfig.ClusterInfo("sales-db", text), example.management(),
                example.access(), example.provisioning(), example.network(), example.time(), example.packages(),
                example.nodes(), example.storage(), example.replication(), example.heartbeat(), example.db2(),
                example.backup());

        assertThat(loader.load(writer.toYaml(tricky), ConfigFormat.YAML)).isEqualTo(tricky);
        assertThat(loader.load(writer.toJson(tricky), ConfigFormat.JSON)).isEqualTo(tricky);
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, "old");

        writer.write(Example.config(), file);

        assertThat(loader.load(file)).isEqualTo(Example.config());
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void writeChoosesJsonByExtension() throws Exception {
        Path file = dir.resolve("cluster.json");

        writer.write(Example.config(), file);

        assertThat(Files.readString(file)).startsWith("{");
        assertThat(loader.load(file)).isEqualTo(Example.config());
    }
}
