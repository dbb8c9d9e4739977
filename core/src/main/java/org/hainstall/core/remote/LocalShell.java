package org.hainstall.core.remote;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The shell of the machine hainstall runs on, for {@code reconstruct} on a cluster node: {@code sh -c} through
 * a {@link ProcessBuilder}. Same contract as {@link SshShell}: streamed lines, a timeout that kills the command
 * and its children, atomic uploads.
 */
public final class LocalShell implements Shell {
    private final String nodeName;
    private final boolean sudo;
    private final Path workingDirectory;

    /**
     * @param nodeName         this machine's node name, for messages
     * @param sudo             run commands through {@code sudo -n} (when hainstall is not running as root)
     * @param workingDirectory where commands start
     */
    public LocalShell(String nodeName, boolean sudo, Path workingDirectory) {
        this.nodeName = nodeName;
        this.sudo = sudo;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
        return execute(command.line(), null, timeout, output);
    }

    /** The script goes to {@code sh -s} on standard input, as over SSH. */
    @Override
    public CommandResult runScript(String script, List<String> args, Duration timeout, OutputListener output)
            throws RemoteException {
        return execute(Shell.scriptReader(args).line(), script.getBytes(StandardCharsets.UTF_8), timeout, output);
    }

    private CommandResult execute(String line, byte[] stdin, Duration timeout, OutputListener output)
            throws RemoteException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", Sudo.wrap(line, !sudo))
                .directory(workingDirectory.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RemoteException(RemoteException.Kind.IO, "cannot start sh on " + nodeName + ": "
                    + e.getMessage(), e);
        }
        try {
            feed(process, stdin);
            OutputDrainer out = OutputDrainer.start(process.getInputStream(), OutputListener.Stream.STDOUT, output,
                    "local-" + nodeName + "-stdout");
            OutputDrainer err = OutputDrainer.start(process.getErrorStream(), OutputListener.Stream.STDERR, output,
                    "local-" + nodeName + "-stderr");
            boolean finished = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    && out.await(deadline - System.nanoTime()) && err.await(deadline - System.nanoTime());
            if (!finished) {
                kill(process);
                throw new RemoteException(RemoteException.Kind.TIMEOUT, "command on " + nodeName
                        + " did not finish within " + timeout + " and was killed: " + line);
            }
            IOException failure = out.failure() != null ? out.failure() : err.failure();
            if (failure != null) {
                throw new RemoteException(RemoteException.Kind.IO, "cannot read the output of a command on "
                        + nodeName + ": " + failure.getMessage(), failure);
            }
            return new CommandResult(process.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new RemoteException(RemoteException.Kind.IO, "interrupted while running a command on "
                    + nodeName, e);
        }
    }

    /** Standard input on its own thread (a command that stops reading must not block the deadline), then EOF. */
    private void feed(Process process, byte[] stdin) {
        if (stdin == null) {
            closeQuietly(process.getOutputStream());
            return;
        }
        Thread feeder = new Thread(() -> {
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // The command stopped reading; its exit status tells the rest.
            }
        }, "local-" + nodeName + "-stdin");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** Kills the command's children first (a killed sh would leave them running), then the command. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        closeQuietly(process.getInputStream());
        closeQuietly(process.getErrorStream());
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode) throws RemoteException {
        Path target = Path.of(remotePath);
        if (!target.isAbsolute() || target.getParent() == null) {
            throw new IllegalArgumentException("upload needs an absolute file path: " + remotePath);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".hainstall-", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.setPosixFilePermissions(temp, permissions(mode));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new RemoteException(RemoteException.Kind.IO, "cannot write " + remotePath + " on " + nodeName
                    + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write failed already; that is the error to report.
                }
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        if ((mode & ~0777) != 0) {
            throw new IllegalArgumentException("setuid, setgid and sticky bits are not written by upload: "
                    + Integer.toOctalString(mode));
        }
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Best effort.
        }
    }

    @Override
    public void close() {
        // Nothing held between commands.
    }

    @Override
    public String toString() {
        return "LocalShell[" + nodeName + "]";
    }
}
