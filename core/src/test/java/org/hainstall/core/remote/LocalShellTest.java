package org.hainstall.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only harmless commands (echo, true, false, sleep), in a temp folder. */
class LocalShellTest {
    static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private LocalShell shell() {
        return new LocalShell("here", false, tmp);
    }

    @Test
    void runsACommandAndStreamsItsLines() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CommandResult result = shell().run(Command.raw("echo one; echo two; echo oops >&2"), LONG,
                (stream, line) -> seen.add(stream + ":" + line));
        assertThat(result.ok()).isTrue();
        assertThat(result.stdout()).isEqualTo("one\ntwo\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(seen).containsExactlyInAnyOrder("STDOUT:one", "STDOUT:two", "STDERR:oops");
    }

    @Test
    void runsAScriptReadFromStandardInputWithItsArguments() throws Exception {
        CommandResult result = shell().runScript("printf '%s|' \"$@\"\nexit 4\n", List.of("$HOME", "a b"), LONG,
                OutputListener.IGNORE);
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stdout()).isEqualTo("$HOME|a b|");
    }

    @Test
    void returnsTheExitCodeOfAFailure() throws Exception {
        assertThat(shell().run(Command.of("true"), LONG).exitCode()).isZero();
        assertThat(shell().run(Command.of("false"), LONG).exitCode()).isEqualTo(1);
        CommandResult partial = shell().run(Command.raw("echo half; exit 3"), LONG);
        assertThat(partial.exitCode()).isEqualTo(3);
        assertThat(partial.stdout()).isEqualTo("half\n");
    }

    @Test
    void passesQuotedArgumentsLiterally() throws Exception {
        CommandResult result = shell().run(Command.of("echo", "$HOME", "a;b", "it's"), LONG);
        assertThat(result.stdout()).isEqualTo("$HOME a;b it's\n");
    }

    @Test
    void killsACommandThatOutlivesItsTimeout() throws Exception {
        RemoteException e = catchThrowableOfType(RemoteException.class,
                () -> shell().run(Command.raw("sleep 60"), Duration.ofMillis(200)));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("here", "killed", "sleep 60");
        // The killed sleep is reaped by the JVM shortly after; wait for that rather than race it.
        Eventually.until(() -> ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("sleep")).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void uploadsAtomicallyWithTheGivenMode() throws Exception {
        Path target = tmp.resolve("ha.cf");
        Files.writeString(target, "old");
        shell().upload("udpport 694\n".getBytes(StandardCharsets.UTF_8), target.toString(), 0640);
        assertThat(Files.readString(target)).isEqualTo("udpport 694\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        try (var files = Files.list(tmp)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void reportsAnUploadIntoAMissingFolder() {
        RemoteException e = catchThrowableOfType(RemoteException.class,
                () -> shell().upload(new byte[] {1}, tmp.resolve("missing/f").toString(), 0600));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.IO);
        assertThat(e.getMessage()).contains("missing/f", "here");
    }
}
