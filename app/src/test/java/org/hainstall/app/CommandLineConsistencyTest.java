package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a whole: every command explains itself, and the same flags mean the same things. */
class CommandLineConsistencyTest {
    @TempDir
    Path dir;
    private String out;
    private String err;

    private final Map<String, CommandLine> commands = new CommandLine(HainstallCommand.class,
            Guice.createInjector(new AppModule())::getInstance).getSubcommands();

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Launcher.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return status;
    }

    @Test
    void everyCommandGuiIncludedAnswersHelp() {
        assertThat(commands.keySet()).contains("gui", "create", "modify", "switchover", "diff");
        for (String name : commands.keySet()) {
            assertThat(run(name, "--help")).as(name).isZero();
            assertThat(out).as(name).contains("Usage: hainstall " + name).contains("--help");
            assertThat(err).as(name).isEmpty();
        }
    }

    @Test
    void aConfigFileIsDashCOrDashDashConfigEverywhere() {
        for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
            CommandLine.Model.OptionSpec config = c.getValue().getCommandSpec().findOption("--config");
            if (config != null) {
                assertThat(config.names()).as(c.getKey()).containsExactlyInAnyOrder("-c", "--config");
            }
        }
        assertThat(commands).allSatisfy((name, c) -> assertThat(c.getCommandSpec().findOption("-c"))
                .as(name).satisfiesAnyOf(o -> assertThat(o).isNull(),
                        o -> assertThat(o.longestName()).isEqualTo("--config")));
    }

    @Test
    void commandsThatChangeAClusterAskUnlessYesAndThoseThatLoadOneTakeSetAndJsonWhereItPrintsData() {
        for (String changes : List.of("create", "modify", "switchover")) {
            assertThat(commands.get(changes).getCommandSpec().findOption("--yes")).as(changes).isNotNull();
        }
        for (String loads : List.of("create", "modify", "validate", "status", "switchover", "get")) {
            assertThat(commands.get(loads).getCommandSpec().findOption("--set")).as(loads).isNotNull();
        }
        for (String prints : List.of("create", "modify", "validate", "status", "diff")) {
            assertThat(commands.get(prints).getCommandSpec().findOption("--json")).as(prints).isNotNull();
        }
    }

    @Test
    void switchoverAsksFirstAndWithoutAnAnswerDoesNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("sales-db.yaml"), Example.text());
        ByteArrayOutputStream terminalOut = new ByteArrayOutputStream();
        ByteArrayOutputStream terminalErr = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(terminalOut, true, StandardCharsets.UTF_8),
                new PrintStream(terminalErr, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        int status = Launcher.run(Guice.createInjector(Modules.override(new AppModule()).with(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Terminal.class).toInstance(terminal);
            }
        })), new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "switchover", "-c", config.toString());

        assertThat(status).isEqualTo(1);
        assertThat(terminalOut.toString(StandardCharsets.UTF_8))
                .contains("hainstall switchover will move the service of sales-db to its other node")
                .contains("Go on? [y/N]");
        assertThat(terminalErr.toString(StandardCharsets.UTF_8)).contains("use --yes").contains("Nothing was done");
        assertThat(dir.resolve("sales-db.secrets")).as("nothing was even read from the nodes' side").doesNotExist();
    }

    @Test
    void diffPrintsEachDifferingValueAsTheConfigWritesIt() throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), Example.text());
        Path b = Files.writeString(dir.resolve("b.yaml"), Example.text().replace("timezone: UTC",
                "timezone: Europe/Berlin").replace("192.168.122.12", "192.168.122.22"));

        assertThat(run("diff", "--normalize", a.toString(), b.toString())).isEqualTo(1);

        assertThat(out.lines().toList()).startsWith("time.timezone: UTC ≠ Europe/Berlin",
                "nodes[1].address: 192.168.122.12 ≠ 192.168.122.22");
        assertThat(out).doesNotContain("TimeSettings[", "Node[").contains("2 differences (normalised)");

        assertThat(run("diff", "--json", a.toString(), b.toString())).isEqualTo(1);
        assertThat(out).contains("\"path\" : \"time.timezone\"", "\"a\" : \"UTC\"", "\"b\" : \"Europe/Berlin\"");

        assertThat(run("diff", a.toString(), a.toString())).isZero();
        assertThat(out).isEqualTo("same cluster\n");
    }
}
