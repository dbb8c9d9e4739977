package org.hainstall.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where each logger's lines go: the files always, the terminal only for hainstall's own (or all, for support). */
class LogRoutesTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private PrintStream realErr;
    private LoggerContext context;

    @BeforeEach
    void captureTheTerminal() {
        realErr = System.err;
        System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(realErr);
        if (context != null) {
            context.stop();
        }
    }

    private LoggerContext configured(LogSettings settings) {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what slf4j's binding does for the process's own context
        LogConfigurator.configure(context, settings);
        return context;
    }

    private String terminal() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theApplicationLogLivesInTheXdgStateFolderAndHainstallLogShowsLibrariesForSupport() {
        assertThat(LogSettings.from(Map.of(), "/home/ann").applicationLog())
                .isEqualTo(Path.of("/home/ann/.local/state/hainstall/hainstall.log"));
        assertThat(LogSettings.from(Map.of("XDG_STATE_HOME", "/var/ann"), "/home/ann").applicationLog())
                .isEqualTo(Path.of("/var/ann/hainstall/hainstall.log"));
        assertThat(LogSettings.from(Map.of("XDG_STATE_HOME", "relative"), "/home/ann").applicationLog())
                .as("a relative XDG_STATE_HOME is ignored, as the spec says")
                .isEqualTo(Path.of("/home/ann/.local/state/hainstall/hainstall.log"));
        assertThat(LogSettings.from(Map.of(), "/h").supportLevel()).isNull();
        assertThat(LogSettings.from(Map.of("HAINSTALL_LOG", "warn"), "/h").supportLevel()).isEqualTo(Level.WARN);
        assertThat(LogSettings.from(Map.of("HAINSTALL_LOG", "1"), "/h").supportLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void librariesGoToTheFileOnlyAndHainstallsOwnLinesAlsoToTheTerminalWithoutStackTraces() throws Exception {
        Path log = tmp.resolve("state/hainstall/hainstall.log");
        LoggerContext c = configured(new LogSettings(log, null));
        c.getLogger("net.schmizz.sshj.transport.TransportImpl").error("Dying because - kex failed",
                new IllegalStateException("boom"));
        c.getLogger("org.hainstall.core.seed.CallbackServer").warn("call back for db1 rejected: bad token");
        c.getLogger("org.hainstall.core.remote.SshShell").debug("db1 refused the connection",
                new java.net.ConnectException("Connection refused"));

        assertThat(terminal()).isEqualTo("warning: call back for db1 rejected: bad token" + System.lineSeparator());
        String file = Files.readString(log);
        assertThat(file).contains("ERROR", "net.schmizz.sshj.transport.TransportImpl: Dying because - kex failed",
                "java.lang.IllegalStateException: boom", "\tat ", "call back for db1 rejected",
                "DEBUG", "db1 refused the connection", "java.net.ConnectException");
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(log.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void forSupportEveryLoggerAtTheChosenLevelReachesTheTerminalInFull() {
        LoggerContext c = configured(new LogSettings(tmp.resolve("hainstall.log"), Level.WARN));
        c.getLogger("net.schmizz.sshj.transport.TransportImpl").error("Dying because - kex failed");
        c.getLogger("org.libvirt.Connect").info("below the chosen level");
        assertThat(terminal()).contains("ERROR", "net.schmizz.sshj.transport.TransportImpl: Dying because")
                .doesNotContain("below the chosen level");
    }

    @Test
    void aLogFileThatCannotBeWrittenIsSaidOnceAndTheCommandGoesOn() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "");
        LoggerContext c = configured(new LogSettings(blocker.resolve("hainstall.log"), null));
        c.getLogger("net.schmizz.sshj.Config").error("lost");
        assertThat(terminal()).startsWith("warning: cannot write the application log " + blocker)
                .doesNotContain("lost");
    }

    @Test
    void aLogPastItsLimitIsKeptAsDotOneAndANewOneBegins() throws Exception {
        Path log = tmp.resolve("hainstall.log");
        Files.write(log, new byte[(int) PrivateLogFile.MAX_BYTES + 1]);
        PrivateLogFile.prepare(log, true);
        assertThat(Files.size(log)).isZero();
        assertThat(Files.size(tmp.resolve("hainstall.log.1"))).isEqualTo(PrivateLogFile.MAX_BYTES + 1);
    }

    @Test
    void javaUtilLoggingOfJavaFxAndGuiceGoesToTheApplicationLogNotTheTerminal() throws Exception {
        String marker = "Unsupported JavaFX configuration " + UUID.randomUUID();
        java.util.logging.Logger.getLogger("javafx").warning(marker);
        assertThat(terminal()).doesNotContain(marker);
        Path appLog = LogSettings.from(System.getenv(), System.getProperty("user.home")).applicationLog();
        assertThat(Files.readString(appLog)).contains("WARN", "javafx: " + marker);
    }

    @Test
    void duringARunTheLogIsCopiedIntoTheRunsFolderPrivately() throws Exception {
        Logger library = LoggerFactory.getLogger("net.schmizz.sshj.transport.TransportImpl");
        Path runFolder = Files.createDirectories(tmp.resolve("runs/20261205-1"));
        try (AutoCloseable copy = RunLog.ofThisProcess().copyInto(runFolder)) {
            library.warn("during the run");
        }
        library.warn("after the run");
        Path copied = runFolder.resolve(RunLog.FILE_NAME);
        assertThat(Files.readString(copied)).contains("during the run").doesNotContain("after the run");
        assertThat(Files.getPosixFilePermissions(copied)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
