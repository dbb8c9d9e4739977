package org.hainstall.core.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SshKeyPair;
import org.hainstall.core.secrets.SshPublicKey;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SSH server for tests: Apache MINA sshd on a random loopback port, with an ed25519 host key generated
 * for each test and public-key authentication against keys the test authorizes.
 * <p>
 * It never runs a real process: every exec request is answered by a {@link Script} the test registered
 * ({@link #on}); a command without a script gets exit 127 and a message on stderr. The server records every
 * command line it received, every signal and every destroyed command, so tests can assert on them.
 * <pre>
 * &#64;RegisterExtension final SshServerExtension sshd = new SshServerExtension();
 * ...
 * sshd.authorize(adminKey.publicKey());
 * sshd.on("uname -n", SshServerExtension.print(0, "node1"));
 * </pre>
 */
public final class SshServerExtension implements BeforeEachCallback, AfterEachCallback {

    /** Canned behaviour for one command. Returns the exit code, or throws {@link Dropped} to end without one. */
    @FunctionalInterface
    public interface Script {
        int run(ScriptContext ctx) throws Exception;
    }

    /** What a script can use. */
    public interface ScriptContext {
        String command();

        String user();

        InputStream stdin();

        PrintStream stdout();

        PrintStream stderr();

        /** Blocks until the client closes the channel (the command is destroyed). */
        void awaitDestroyed() throws InterruptedException;

        /** Closes the whole SSH connection at once, as a crashed node or a cut network would. */
        Dropped dropConnection() throws IOException;

        /** The loopback address the client connected to: which "node" it meant, when the server listens on several. */
        String serverAddress();
    }

    /** Thrown by a script that ended the connection: no exit status is sent. */
    public static final class Dropped extends Exception {
        Dropped() {
            super("connection dropped by the script");
        }
    }

    private record Rule(Predicate<String> matches, Script script) { }

    private final List<String> hosts;
    private final KeyGenerator keys = new KeyGenerator();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> addressedCommands = new CopyOnWriteArrayList<>();
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final List<String> globalRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger destroyed = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final Set<SshPublicKey> authorized = ConcurrentHashMap.newKeySet();
    private SshServer server;
    private Path dir;
    private SshKeyPair hostKey;

    /** A server on 127.0.0.1. */
    public SshServerExtension() {
        this("127.0.0.1");
    }

    /**
     * One server on several loopback addresses (127.0.0.1, 127.0.0.2, …) and one port: two "nodes" of a config
     * on the same port, told apart by {@link ScriptContext#serverAddress()} and {@link #commandsTo}.
     */
    public SshServerExtension(String... loopbackAddresses) {
        this.hosts = List.of(loopbackAddresses);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("hainstall-sshd-");
        hostKey = keys.ed25519();
        Path hostKeyFile = dir.resolve("ssh_host_ed25519_key");
        Files.createFile(hostKeyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(hostKeyFile, hostKey.toOpenSshPrivateKey("test-host"));

        server = SshServer.setUpDefaultServer();
        server.setHost(String.join(",", hosts));
        server.setPort(0);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKeyFile));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> authorized.contains(toSsh(key)));
        server.setCommandFactory((channel, command) -> new ScriptedCommand(command));
        List<RequestHandler<ConnectionService>> globalHandlers = new ArrayList<>();
        globalHandlers.add((service, request, wantReply, buffer) -> {
            globalRequests.add(request);
            return RequestHandler.Result.Unsupported; // recorded; the default handlers answer it
        });
        globalHandlers.addAll(ServerBuilder.DEFAULT_GLOBAL_REQUEST_HANDLERS);
        server.setGlobalRequestHandlers(globalHandlers);
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (server != null) {
            // Let sessions the client is closing finish closing first: stopping the server while a client's
            // disconnect is still in flight makes the NIO group hand the final read to an executor already shut
            // down, an uncaught exception that TestFX then rethrows into whichever UI test runs next.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!server.getActiveSessions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            server.stop(false);
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    // ---- set-up ----

    public int port() {
        return server.getPort();
    }

    /** The server's host key, as the installer would pin it. */
    public SshPublicKey hostKey() {
        return hostKey.publicKey();
    }

    /** Lets a client key log in (as any user). */
    public void authorize(SshPublicKey key) {
        authorized.add(key);
    }

    /**
     * A ready login for {@link SshShell#connect}: a fresh client key (written into {@link #tempDir()} and
     * authorized), this server's address and port, its host key pinned. For a {@link SshShellFactory} instead:
     * {@code store.pin(node, hostKey())} and {@code authorize(store.adminPublicKey().orElseThrow())}.
     */
    public SshTarget newTarget(String nodeName, String user) throws IOException {
        SshKeyPair client = keys.ed25519();
        Path keyFile = Files.createTempFile(dir, "client-", "",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(keyFile, client.toOpenSshPrivateKey("test-client"));
        authorize(client.publicKey());
        return new SshTarget(nodeName, "127.0.0.1", port(), user, keyFile, hostKey(), "SshServerExtension");
    }

    /** A loopback port where nothing listens (bound a moment ago, then closed): connecting there is refused. */
    public static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A scratch folder that lives as long as the server (scripts may write files here). */
    public Path tempDir() {
        return dir;
    }

    /** Answers a command line that equals {@code command}. Earlier rules win. */
    public void on(String command, Script script) {
        rules.add(new Rule(command::equals, script));
    }

    public void on(Predicate<String> command, Script script) {
        rules.add(new Rule(command, script));
    }

    // ---- what happened ----

    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** The command lines received on one of the server's addresses. */
    public List<String> commandsTo(String address) {
        String prefix = address + " ";
        return addressedCommands.stream().filter(c -> c.startsWith(prefix)).map(c -> c.substring(prefix.length()))
                .toList();
    }

    /** Signal names received over the channels ("TERM", "KILL"), in order. */
    public List<String> signals() {
        return List.copyOf(signals);
    }

    /** Connection-level requests received, such as {@code keepalive@openssh.com}. */
    public List<String> globalRequests() {
        return List.copyOf(globalRequests);
    }

    /** Commands whose channel the client closed or the server tore down. */
    public int destroyedCommands() {
        return destroyed.get();
    }

    /** SSH connections opened against this server. */
    public int connectionsOpened() {
        return sessions.get();
    }

    // ---- canned scripts ----

    /** Prints lines on stdout, then exits with {@code exit}. */
    public static Script print(int exit, String... lines) {
        return ctx -> {
            for (String line : lines) {
                ctx.stdout().println(line);
            }
            return exit;
        };
    }

    /** Prints lines on stdout and on stderr, then exits. */
    public static Script output(int exit, List<String> out, List<String> err) {
        return ctx -> {
            for (String line : out) {
                ctx.stdout().println(line);
            }
            ctx.stdout().flush();
            for (String line : err) {
                ctx.stderr().println(line);
            }
            return exit;
        };
    }

    /** Never finishes by itself, ignores signals; ends only when the client closes the channel. */
    public static Script hang() {
        return ctx -> {
            ctx.awaitDestroyed();
            throw new Dropped();
        };
    }

    /** Prints some lines, then cuts the connection with the command still running. */
    public static Script dropAfter(String... lines) {
        return ctx -> {
            for (String line : lines) {
                ctx.stdout().println(line);
            }
            ctx.stdout().flush();
            throw ctx.dropConnection();
        };
    }

    /** Copies stdin into a file (in {@link #tempDir()} usually), exits 0. */
    public static Script captureStdin(Path file) {
        return ctx -> {
            try (InputStream in = ctx.stdin()) {
                Files.write(file, in.readAllBytes());
            }
            return 0;
        };
    }

    /**
     * Answers a probe ({@code sh -s -- BOUNDARY}, its script on stdin) fact by fact, as {@code node} answers each
     * fact's command: a node that runs nothing.
     */
    public static Script probe(org.hainstall.core.node.Probe.Answer node) {
        return ctx -> {
            String script;
            try (InputStream in = ctx.stdin()) {
                script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            String boundary = ctx.command().substring(ctx.command().lastIndexOf(' ') + 1);
            ctx.stdout().print(org.hainstall.core.node.Probe.answer(script, boundary, node));
            ctx.stdout().flush();
            return 0;
        };
    }

    private static SshPublicKey toSsh(PublicKey key) {
        ByteArrayBuffer buffer = new ByteArrayBuffer();
        buffer.putRawPublicKey(key);
        return SshPublicKey.fromBlob(buffer.getCompactData());
    }

    /** One exec request, answered on its own thread so the server's I/O threads never block. */
    private final class ScriptedCommand implements Command, ScriptContext {
        private final String command;
        private final CountDownLatch destroyedLatch = new CountDownLatch(1);
        private InputStream in;
        private PrintStream out;
        private PrintStream err;
        private ExitCallback exit;
        private ChannelSession channel;

        ScriptedCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            this.channel = channel;
            commands.add(command);
            addressedCommands.add(serverAddress() + " " + command);
            env.addSignalListener((ch, signal) -> signals.add(signal.name()));
            Script script = rules.stream().filter(r -> r.matches().test(command)).map(Rule::script).findFirst()
                    .orElse(ctx -> {
                        ctx.stderr().println("scripted sshd: no script for: " + command);
                        return 127;
                    });
            Thread thread = new Thread(() -> {
                try {
                    int code = script.run(this);
                    out.flush();
                    err.flush();
                    exit.onExit(code);
                } catch (Dropped dropped) {
                    // No exit status: the connection or channel is already gone.
                } catch (Exception e) {
                    err.println("scripted sshd: script failed: " + e);
                    exit.onExit(255);
                }
            }, "scripted-sshd-command");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            destroyed.incrementAndGet();
            destroyedLatch.countDown();
        }

        @Override
        public String command() {
            return command;
        }

        @Override
        public String user() {
            return channel.getSession().getUsername();
        }

        @Override
        public InputStream stdin() {
            return in;
        }

        @Override
        public PrintStream stdout() {
            return out;
        }

        @Override
        public PrintStream stderr() {
            return err;
        }

        @Override
        public void awaitDestroyed() throws InterruptedException {
            destroyedLatch.await();
        }

        @Override
        public String serverAddress() {
            return ((java.net.InetSocketAddress) channel.getSession().getLocalAddress()).getAddress().getHostAddress();
        }

        @Override
        public Dropped dropConnection() throws IOException {
            channel.getSession().close(true);
            return new Dropped();
        }
    }
}
