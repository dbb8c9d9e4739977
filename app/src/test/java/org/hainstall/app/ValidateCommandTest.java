package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hainstall.core.config.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Launcher.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return status;
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void exampleIsValidAndExitsZero() {
        assertThat(run("validate", "--config", Example.path().toString())).isZero();
        assertThat(out).contains("cluster.yaml: valid.");
    }

    @Test
    void errorsArePrintedWithPathCodeAndMessageAndExitOne() throws Exception {
        Path file = write("c.yaml", Example.text().replace("192.168.122.12", "192.168.122.11"));

        assertThat(run("validate", "--config", file.toString())).isEqualTo(1);
        assertThat(out).contains("error   nodes[1].address [ADDRESS_DUPLICATE]: 192.168.122.11 is already used by nodes[0].address.")
                .contains("c.yaml: 1 error.");
    }

    @Test
    void tenMistakesAreAllPrintedInOneRun() throws Exception {
        String text;
        try (var in = Example.class.getResourceAsStream("/config/ten-mistakes.yaml")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = write("ten.yaml", text);

        assertThat(run("validate", "--config", file.toString())).isEqualTo(1);
        assertThat(out.lines().filter(l -> l.startsWith("error "))).hasSize(10);
        assertThat(out).contains("ten.yaml: 10 errors.");
    }

    @Test
    void warningsArePrintedButDoNotFail() {
        assertThat(run("validate", "--config", Example.path().toString(), "--set", "heartbeat.udpPort=694")).isZero();
        assertThat(out).contains("warning heartbeat.udpPort [HEARTBEAT_DEFAULT_PORT]").contains("valid, with 1 warning.");
    }

    @Test
    void setOverridesAreValidatedToo() {
        assertThat(run("validate", "-c", Example.path().toString(), "--set", "nodes[1].address=192.168.122.22",
                "--set", "replication.resources[1].port=7789")).isEqualTo(1);
        assertThat(out).contains("replication.resources[1].port [PORT_COLLISION]").doesNotContain("nodes[1].address");
    }

    @Test
    void malformedFileExitsTwoWithLineAndColumn() throws Exception {
        Path file = write("bad.yaml", "cluster:\n  name: a\n   oops: [\n");

        assertThat(run("validate", "--config", file.toString())).isEqualTo(2);
        assertThat(out).contains("[CONFIG_SYNTAX]: line 3, column").contains("cannot be used");
    }

    @Test
    void unknownKeyIsReportedWithEveryOtherProblemAndExitsOne() throws Exception {
        Path file = write("typo.yaml", Example.text().replace("    address: 192.168.122.12", "    adress: 192.168.122.12")
                .replace("udpPort: 6940", "udpPort: 70000"));

        assertThat(run("validate", "--config", file.toString())).isEqualTo(1);
        assertThat(out).contains("nodes[1].adress [CONFIG_UNKNOWN_KEY]: unknown key 'adress' at line 51, column 5; "
                        + "did you mean 'address'?")
                .contains("nodes[1].address [VALUE_REQUIRED]")
                .contains("heartbeat.udpPort [PORT_OUT_OF_RANGE]")
                .contains("typo.yaml: 3 errors.");
    }

    @Test
    void aValueOfTheWrongTypeIsOneProblemAmongTheOthersNotAlsoMissing() throws Exception {
        Path file = write("types.yaml", Example.text().replace("udpPort: 6940", "udpPort: high")
                .replace("192.168.122.12", "192.168.122.11"));

        assertThat(run("validate", "--config", file.toString(), "--json")).isEqualTo(1);
        JsonNode root = JsonMapper.builder().build().readTree(out);
        assertThat(root.get("readable").asBoolean()).isTrue();
        assertThat(root.get("problems").findValuesAsString("code"))
                .containsExactly("CONFIG_WRONG_TYPE", "ADDRESS_DUPLICATE");
    }

    @Test
    void controlCharactersInValuesAreEscapedSoNoLineCanBeForged() throws Exception {
        Path file = write("evil.yaml", Example.text()
                .replace("  name: sales-db ", "  name: \"sales\\e[2J\\a\\nerror   nodes[0].address [FORGED]: ok\" ")
                .replace("  description: Sales DB2 HA pair", "  \"descr\\e]0;x\\aiption\": x"));

        assertThat(run("validate", "--config", file.toString())).isEqualTo(1);

        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("cluster name 'sales\\e[2J\\x07\\nerror   nodes[0].address [FORGED]: ok'")
                .contains("cluster.descr\\e]0;x\\x07iption [CONFIG_UNKNOWN_KEY]");
        assertThat(out.lines()).noneMatch(line -> line.contains("[FORGED]") && line.startsWith("error   nodes[0]"));
    }

    @Test
    void aConfigWithAnEmojiAtTheParsersWindowIsValid() throws Exception {
        Path file = write("e.yaml", "# " + "x".repeat(1022) + "\uD83D\uDE00\n" + Example.text());

        assertThat(run("validate", "--config", file.toString())).isZero();
        assertThat(out).contains("e.yaml: valid.");
        assertThat(out + err).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDeviceOrAHugeFileExitsTwoAtOnceWithOneClearLine() throws Exception {
        Path huge = write("huge.yaml", "#" + "x".repeat(10 * 1024 * 1024) + "\n");

        for (String file : java.util.List.of("/dev/zero", huge.toString())) {
            int status = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> run("validate", "--config", file));
            assertThat(status).as(file).isEqualTo(2);
            assertThat(out).as(file).containsAnyOf("[CONFIG_UNREADABLE]: cannot read '/dev/zero': not a regular file",
                    "[CONFIG_TOO_LARGE]: '" + huge + "' is 10485762 bytes");
            assertThat(err).isEmpty();
        }
    }

    @Test
    void missingFileExitsTwo() {
        assertThat(run("validate", "--config", dir.resolve("none.yaml").toString())).isEqualTo(2);
        assertThat(out).contains("[CONFIG_UNREADABLE]").contains("no such file");
    }

    @Test
    void wrongSetExitsTwoNamingThePath() {
        assertThat(run("validate", "--config", Example.path().toString(), "--set", "heartbeat.udpPort=high")).isEqualTo(2);
        assertThat(out).contains("heartbeat.udpPort [CONFIG_WRONG_TYPE]");
    }

    @Test
    void aSetWordOutsideItsSetExitsTwoNamingThePathAndTheWords() {
        assertThat(run("validate", "--config", Example.path().toString(), "--set", "replication.protocol=D"))
                .isEqualTo(2);
        assertThat(out).contains("replication.protocol [REPLICATION_PROTOCOL_INVALID]", "'D'", "A — ", "C — ");
    }

    @Test
    void jsonOutputListsEveryProblem() throws Exception {
        // A word outside its set in the file is one problem among the others (the validator's warning here).
        Path file = write("c.yml", Example.text().replaceFirst("protocol: C", "protocol: D"));

        assertThat(run("validate", "--config", file.toString(), "--json", "--set", "heartbeat.udpPort=694"))
                .isEqualTo(1);

        JsonNode result = JsonMapper.builder().build().readTree(out);
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("errors").asInt()).isEqualTo(1);
        assertThat(result.get("warnings").asInt()).isEqualTo(1);
        assertThat(result.get("problems").get(0).get("path").asString()).isEqualTo("replication.protocol");
        assertThat(result.get("problems").get(0).get("code").asString()).isEqualTo("REPLICATION_PROTOCOL_INVALID");
        assertThat(result.get("problems").get(0).get("severity").asString()).isEqualTo("ERROR");
    }

    @Test
    void missingConfigOptionIsAUsageError() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err).contains("--config");
    }
}
