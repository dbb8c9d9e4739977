package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hainstall.core.config.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FAULTS.md 44: whatever goes wrong inside, the admin sees one line, never a stack trace; the trace is in a log. */
class InternalErrorGuardTest {
    @TempDir
    Path dir;

    @Test
    void anUnexpectedExceptionIsOneLineOnTheTerminalAndItsTraceGoesToTheLog() throws Exception {
        Path log = dir.resolve("state/hainstall/hainstall.log");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConfigSource broken = (file, sets) -> {
            throw new IllegalStateException("a bug\u001b[31m\nforged line");
        };

        int status = Launcher.run(Guice.createInjector(Modules.override(new AppModule()).with(new AbstractModule() {
            @Override
            protected void configure() {
                bind(ConfigSource.class).toInstance(broken);
            }
        })), new PrintWriter(out, true), new PrintWriter(err, true), new InternalErrorGuard(log),
                "create", "--config", Example.path().toString(), "--dry-run");

        assertThat(status).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).hasLineCount(1)
                .startsWith("hainstall create: internal error (IllegalStateException: a bug\\e[31m\\nforged line)")
                .contains("the details are in " + log)
                .doesNotContain("\tat ").doesNotContain("\u001b");
        assertThat(Files.readString(log)).contains("java.lang.IllegalStateException: a bug")
                .contains("\tat org.hainstall.app.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    @Test
    void whenTheLogCannotBeWrittenItSaysSoStillWithoutATrace() throws Exception {
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x");
        StringWriter err = new StringWriter();

        new InternalErrorGuard(blocked.resolve("hainstall.log"))
                .report(new IllegalStateException("boom"), "status", new PrintWriter(err, true));

        assertThat(err.toString()).hasLineCount(1).contains("internal error (IllegalStateException: boom)")
                .contains("could not be written to").doesNotContain("\tat ");
    }
}
