package org.hainstall.core.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cluster's secrets folder beside its config: {@code sales-db.yaml} → {@code sales-db.secrets/}.
 * <pre>
 *   admin_ed25519, admin_ed25519.pub          the admin's SSH key (OpenSSH format)
 *   nodes/NODE/ssh_host_ed25519_key[.pub]     each node's own SSH host key
 *   heartbeat.authkey                         Heartbeat's auth key (hex)
 *   drbd/RESOURCE.secret                      DRBD shared secret per resource (hex)
 *   known_hosts                               pinned host keys, one "NODE TYPE BASE64" line per node
 * </pre>
 * Folders are 0700 and files 0600 (public keys too: one rule is easier to check than two). Every file is
 * written to a temporary file in the same folder, its mode set, then renamed over the target, so a crash
 * never leaves a half-written key. A folder or file that others can read is refused, the way ssh does.
 */
public final class SecretsStore {
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** Node and resource names become file names: the same allow-list the config uses, no "..", no "/". */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    static final String ADMIN_KEY = "admin_ed25519";
    static final String HOST_KEY = "ssh_host_ed25519_key";
    static final String HEARTBEAT = "heartbeat.authkey";
    static final String KNOWN_HOSTS = "known_hosts";

    private final Path folder;

    public SecretsStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The store that belongs to a config file: same folder, the config's name with {@code .secrets}. */
    public static SecretsStore besideConfig(Path configFile) {
        Path absolute = configFile.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return new SecretsStore(absolute.resolveSibling(base + ".secrets"));
    }

    public Path folder() {
        return folder;
    }

    // ---- the admin's SSH key ----

    public Path adminPrivateKeyFile() {
        return folder.resolve(ADMIN_KEY);
    }

    public Path adminPublicKeyFile() {
        return folder.resolve(ADMIN_KEY + ".pub");
    }

    public Optional<SshPublicKey> adminPublicKey() {
        return readText(adminPublicKeyFile()).map(SshPublicKey::parse);
    }

    /** The public key line with its comment, as it goes into authorized_keys. */
    public Optional<String> adminPublicKeyLine() {
        return readText(adminPublicKeyFile()).map(String::strip);
    }

    public Optional<SshKeyPair> adminKeyPair() {
        return readBytes(adminPrivateKeyFile()).map(SshKeyPair::fromOpenSshPrivateKey);
    }

    public void writeAdminKey(SshKeyPair pair, String comment) {
        write(ADMIN_KEY, pair.toOpenSshPrivateKey(comment));
        write(ADMIN_KEY + ".pub", (pair.publicKeyLine(comment) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // ---- each node's own host key ----

    public Path nodeHostPrivateKeyFile(String node) {
        return folder.resolve("nodes").resolve(checkName("node", node)).resolve(HOST_KEY);
    }

    public Path nodeHostPublicKeyFile(String node) {
        return folder.resolve("nodes").resolve(checkName("node", node)).resolve(HOST_KEY + ".pub");
    }

    public Optional<SshPublicKey> nodeHostPublicKey(String node) {
        return readText(nodeHostPublicKeyFile(node)).map(SshPublicKey::parse);
    }

    /** The node's private host key file's bytes (for its seed ISO only). */
    public Optional<byte[]> nodeHostPrivateKey(String node) {
        return readBytes(nodeHostPrivateKeyFile(node));
    }

    public void writeNodeHostKey(String node, SshKeyPair pair) {
        String dir = "nodes/" + checkName("node", node) + "/";
        String comment = "root@" + node;
        write(dir + HOST_KEY, pair.toOpenSshPrivateKey(comment));
        write(dir + HOST_KEY + ".pub", (pair.publicKeyLine(comment) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // ---- Heartbeat and DRBD ----

    public Optional<String> heartbeatAuthKey() {
        return readText(folder.resolve(HEARTBEAT)).map(String::strip);
    }

    public void writeHeartbeatAuthKey(String key) {
        write(HEARTBEAT, (key + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    public Optional<String> drbdSecret(String resource) {
        return readText(drbdFile(resource)).map(String::strip);
    }

    public void writeDrbdSecret(String resource, String secret) {
        write("drbd/" + checkName("DRBD resource", resource) + ".secret",
                (secret + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private Path drbdFile(String resource) {
        return folder.resolve("drbd").resolve(checkName("DRBD resource", resource) + ".secret");
    }

    // ---- pinned host keys ----

    public Path knownHostsFile() {
        return folder.resolve(KNOWN_HOSTS);
    }

    public Optional<SshPublicKey> pinnedHostKey(String node) {
        return Optional.ofNullable(pinnedHostKeys().get(checkName("node", node)));
    }

    /** Node name → pinned key, in file order. */
    public Map<String, SshPublicKey> pinnedHostKeys() {
        Map<String, SshPublicKey> pins = new LinkedHashMap<>();
        Optional<String> text = readText(knownHostsFile());
        if (text.isEmpty()) {
            return pins;
        }
        int lineNumber = 0;
        for (String line : text.get().split("\n")) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            try {
                if (fields.length < 3) {
                    throw new IllegalArgumentException("want 'NODE TYPE BASE64'");
                }
                pins.put(fields[0], SshPublicKey.parse(fields[1] + " " + fields[2]));
            } catch (IllegalArgumentException e) {
                throw new SecretsException(knownHostsFile() + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return pins;
    }

    /** Pins (or re-pins) a node's host key. Only the trust command and the create workflow call this. */
    public synchronized void pin(String node, SshPublicKey key) {
        checkName("node", node);
        Map<String, SshPublicKey> pins = pinnedHostKeys();
        pins.put(node, key);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, SshPublicKey> pin : pins.entrySet()) {
            text.append(pin.getKey()).append(' ').append(pin.getValue().line()).append('\n');
        }
        write(KNOWN_HOSTS, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- files ----

    private static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new SecretsException("not a safe " + what + " name for a file in the secrets folder: "
                    + org.hainstall.core.config.Quote.of(name) + " (letters, digits, '.', '_', '-'; no '..')");
        }
        return name;
    }

    private Optional<String> readText(Path file) {
        return readBytes(file).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private Optional<byte[]> readBytes(Path file) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        checkPrivate(folder, true);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            checkPrivate(file, false);
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SecretsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code relative} (a path with "/" inside the store) atomically with mode 0600. */
    private synchronized void write(String relative, byte[] content) {
        Path target = folder.resolve(relative).normalize();
        if (!target.startsWith(folder)) {
            throw new SecretsException("refusing to write outside the secrets folder: " + relative);
        }
        Path temp = null;
        try {
            ensureDirectory(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(FILE_MODE));
            // Explicitly, before any byte is written and before the rename: never readable by others.
            Files.setPosixFilePermissions(temp, FILE_MODE);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new SecretsException("the file system of " + folder + " cannot rename atomically", e);
            }
            temp = null;
        } catch (IOException e) {
            throw new SecretsException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that error is the one to report.
                }
            }
        }
    }

    private void ensureDirectory(Path dir) throws IOException {
        // Create the store and its subfolders one level at a time, each 0700 (the umask cannot widen it).
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && p.startsWith(folder) && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        if (!missing.isEmpty() && missing.get(0).getParent() != null) {
            Files.createDirectories(missing.get(0).getParent());
        }
        for (Path p : missing) {
            Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR_MODE));
            Files.setPosixFilePermissions(p, DIR_MODE);
        }
        for (Path p = dir; p != null && p.startsWith(folder); p = p.getParent()) {
            checkPrivate(p, true);
        }
    }

    private static void checkPrivate(Path path, boolean directory) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            boolean open = mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
            if (open) {
                throw new SecretsException((directory ? "secrets folder " : "secret file ") + path
                        + " is accessible by others (mode " + PosixFilePermissions.toString(mode)
                        + "); refusing to use it. Fix with: chmod " + (directory ? "700 " : "600 ") + path);
            }
        } catch (IOException e) {
            throw new SecretsException("cannot check the mode of " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SecretsStore[" + folder + "]";
    }
}
