package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    private List<Problem> problemsOf(String text, ConfigFormat format) {
        return catchThrowableOfType(ConfigException.class, () -> loader.load(text, format)).problems();
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        String text = "cluster:\n  name: a\n   bad: [1\n";

        List<Problem> problems = problemsOf(text, ConfigFormat.YAML);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_SYNTAX);
            assertThat(p.message()).startsWith("line 3, column ").contains("malformed YAML");
        });
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String text = "{\n  \"cluster\": {\"name\": \"a\",}\n}\n";

        List<Problem> problems = problemsOf(text, ConfigFormat.JSON);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_SYNTAX);
            assertThat(p.message()).startsWith("line 2, column ").contains("malformed JSON");
        });
    }

    @Test
    void unknownKeyNamesItsPathAndSuggestsTheKnownKey() {
        String text = Example.text().replace("    address: 192.168.122.12", "    adress: 192.168.122.12");

        List<Problem> problems = problemsOf(text, ConfigFormat.YAML);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("nodes[1].adress");
            assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_UNKNOWN_KEY);
            assertThat(p.message()).isEqualTo("unknown key 'adress' at line 51, column 5; did you mean 'address'?");
        });
    }

    @Test
    void unknownKeyFarFromAnyKnownKeySuggestsNothing() {
        List<Problem> problems = problemsOf("cluster:\n  name: a\n  colour: blue\n", ConfigFormat.YAML);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cluster.colour");
            assertThat(p.message()).doesNotContain("did you mean");
        });
    }

    @Test
    void duplicateKeyIsRejectedWithBothLines() {
        List<Problem> problems = problemsOf("cluster:\n  name: a\n  name: b\n", ConfigFormat.YAML);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cluster.name");
            assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_DUPLICATE_KEY);
            assertThat(p.message()).contains("line 3, column 3").contains("first at line 2");
        });
    }

    @Test
    void duplicateKeyInJsonIsRejectedToo() {
        List<Problem> problems = problemsOf("{\"access\": {\"port\": 22, \"port\": 2222}}", ConfigFormat.JSON);

        assertThat(problems).extracting(Problem::path, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("access.port", ProblemCode.CONFIG_DUPLICATE_KEY));
    }

    @Test
    void wrongTypesNameTheirPathAndWhatWasFound() {
        String text = "access:\n  port: \"22\"\n  user: true\nnodes:\n  - holdsValidData: 1\n";

        List<Problem> problems = problemsOf(text, ConfigFormat.YAML);

        assertThat(problems).extracting(Problem::path, Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("access.port", ProblemCode.CONFIG_WRONG_TYPE),
                org.assertj.core.groups.Tuple.tuple("access.user", ProblemCode.CONFIG_WRONG_TYPE),
                org.assertj.core.groups.Tuple.tuple("nodes[0].holdsValidData", ProblemCode.CONFIG_WRONG_TYPE));
        assertThat(problems.get(0).message()).isEqualTo("expected a whole number, found text '22' (line 2, column 9).");
    }

    @Test
    void numberTooLargeForAPortIsAWrongType() {
        List<Problem> problems = problemsOf("access:\n  port: 99999999999999\n", ConfigFormat.YAML);

        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.CONFIG_WRONG_TYPE);
    }

    @Test
    void yaml12KeepsNoAndOnAsText() throws Exception {
        ClusterConfig config = loader.load("db2:\n  instances:\n    - databases:\n        - territory: no\n          codeset: on\n",
                ConfigFormat.YAML);

        ClusterConfig.Database db = config.db2().instances().get(0).databases().get(0);
        assertThat(db.territory()).isEqualTo("no");
        assertThat(db.codeset()).isEqualTo("on");
    }

    @Test
    void everyLoaderProblemIsReportedAtOnce() {
        String text = "clustr:\n  name: a\naccess:\n  port: x\n  usr: root\n";

        List<Problem> problems = problemsOf(text, ConfigFormat.YAML);

        assertThat(problems).extracting(Problem::path)
                .containsExactly("clustr", "access.port", "access.usr");
    }

    @Test
    void duplicateKeysAreReportedTogetherWithOtherKeyProblems() {
        List<Problem> problems = problemsOf("cluster:\n  name: x\n  nme: y\n  name: z\n", ConfigFormat.YAML);

        assertThat(problems).extracting(Problem::path, Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cluster.name", ProblemCode.CONFIG_DUPLICATE_KEY),
                org.assertj.core.groups.Tuple.tuple("cluster.nme", ProblemCode.CONFIG_UNKNOWN_KEY));
    }

    @Test
    void yamlAliasesAreRefusedRatherThanReadAsTheirName() {
        List<Problem> problems = problemsOf("cluster:\n  name: &n sales\n  description: *n\n", ConfigFormat.YAML);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cluster.description");
            assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_SYNTAX);
            assertThat(p.message()).startsWith("line 3, column 16").contains("aliases");
        });
    }

    @Test
    void emptyFileIsRejected() {
        assertThat(problemsOf("# only a comment\n", ConfigFormat.YAML))
                .extracting(Problem::code).containsExactly(ProblemCode.CONFIG_EMPTY);
    }

    @Test
    void secondDocumentIsRejected() {
        assertThat(problemsOf("cluster:\n  name: a\n---\ncluster:\n  name: b\n", ConfigFormat.YAML))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_SYNTAX);
                    assertThat(p.message()).contains("line 4").contains("more than one document");
                });
    }

    @Test
    void topLevelListIsAWrongType() {
        assertThat(problemsOf("- a\n- b\n", ConfigFormat.YAML))
                .extracting(Problem::code).containsExactly(ProblemCode.CONFIG_WRONG_TYPE);
    }

    @Test
    void missingFileIsUnreadable() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(dir.resolve("nope.yaml")));

        assertThat(e.problems()).extracting(Problem::code).containsExactly(ProblemCode.CONFIG_UNREADABLE);
        assertThat(e.problems().get(0).message()).contains("nope.yaml").contains("no such file");
    }

    @Test
    void fileThatIsNotUtf8IsUnreadable() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "cluster:\n  description: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e.problems().get(0).message()).contains("not UTF-8");
    }

    @Test
    void jsonFileLoadsLikeTheYamlExample() throws Exception {
        Path file = dir.resolve("cluster.json");
        Files.writeString(file, new ConfigWriter().toJson(Example.config()));

        assertThat(loader.load(file)).isEqualTo(Example.config());
    }

    @Test
    void formatIsDetectedByContentWhenTheExtensionSaysNothing() throws Exception {
        Path json = dir.resolve("cluster.conf");
        Files.writeString(json, "{\"cluster\": {\"name\": \"a\",}}");
        Path yaml = dir.resolve("other.conf");
        Files.writeString(yaml, Example.text());

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(json));
        assertThat(e.problems().get(0).message()).contains("malformed JSON");
        assertThat(loader.load(yaml)).isEqualTo(Example.config());
    }

    // --- FAULTS.md case 44: huge, not a regular file, any Unicode: refused or loaded at once ---

    @Test
    void anEmojiLoadsWhereverItFallsEvenAcrossTheParsersReadWindow() {
        // The issue's reproduction: "# " + 1022 x, then the emoji's first UTF-16 half at offset 1024.
        String repro = "# " + "x".repeat(1022) + "\uD83D\uDE00\n" + Example.text();
        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(repro, ConfigFormat.YAML))).isNull();
        // And at every offset around the windows the parser reads (1024, 1025·k), in a comment and in a value.
        for (int offset = 1000; offset < 2100; offset++) {
            String inComment = "# " + "x".repeat(offset - 2) + "\uD83D\uDE00\n" + Example.text();
            String inValue = Example.text().replace("description: Sales DB2 HA pair", "description: \""
                    + "y".repeat(offset) + "\uD83D\uDE00 \u00e9\u4e2d\"");
            assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(inComment, ConfigFormat.YAML)))
                    .as("emoji in a comment at " + offset).isNull();
            assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(inValue, ConfigFormat.YAML)))
                    .as("emoji in a value at " + offset).isNull();
        }
    }

    @Test
    void anEmojiAtTheWindowLoadsFromAFileToo() throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, "# " + "x".repeat(1022) + "\uD83D\uDE00\n" + Example.text());

        assertThat(loader.load(file)).isEqualTo(Example.config());
    }

    @Test
    void aFileOverTheSizeCapIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, Example.text() + "#" + "x".repeat(10 * 1024 * 1024) + "\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_TOO_LARGE);
            assertThat(p.message()).contains("huge.yaml").contains("at most 1024 KiB");
        });
        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(
                "#" + "x".repeat(ConfigLoader.MAX_BYTES) + "\n" + Example.text(), ConfigFormat.YAML)).problems())
                .extracting(Problem::code).containsExactly(ProblemCode.CONFIG_TOO_LARGE);
    }

    @Test
    void aDeviceAFifoAndAFolderAreRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        for (Path notAFile : List.of(Path.of("/dev/zero"), fifo, dir)) {
            // A hang guard only: opening the FIFO would block for ever, /dev/zero would never end.
            ConfigException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> catchThrowableOfType(ConfigException.class, () -> loader.load(notAFile)));
            assertThat(e.problems()).as(notAFile.toString()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.CONFIG_UNREADABLE);
                assertThat(p.message()).contains(notAFile.toString()).containsAnyOf("not a regular file", "a folder");
            });
        }
    }

    @Test
    void readReturnsTheConfigWithItsKeyAndTypeProblemsBesideIt() throws Exception {
        String text = Example.text().replace("    address: 192.168.122.12", "    adress: 192.168.122.12")
                .replace("udpPort: 6940", "udpPort: high");

        ConfigLoader.Result read = loader.read(text, ConfigFormat.YAML);

        assertThat(read.problems()).extracting(Problem::path, Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nodes[1].adress", ProblemCode.CONFIG_UNKNOWN_KEY),
                org.assertj.core.groups.Tuple.tuple("heartbeat.udpPort", ProblemCode.CONFIG_WRONG_TYPE));
        assertThat(read.config().cluster().name()).isEqualTo("sales-db");
        assertThat(read.config().heartbeat().udpPort()).isNull();
        assertThat(new ConfigValidator().validate(read)).extracting(Problem::path, Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nodes[1].adress", ProblemCode.CONFIG_UNKNOWN_KEY),
                org.assertj.core.groups.Tuple.tuple("heartbeat.udpPort", ProblemCode.CONFIG_WRONG_TYPE),
                org.assertj.core.groups.Tuple.tuple("nodes[1].address", ProblemCode.VALUE_REQUIRED));
    }

    @Test
    void readStillRefusesMalformedText() {
        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.read("cluster: [\n", ConfigFormat.YAML))
                .problems()).extracting(Problem::code).containsExactly(ProblemCode.CONFIG_SYNTAX);
    }
}
