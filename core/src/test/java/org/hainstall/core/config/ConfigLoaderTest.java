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
}
