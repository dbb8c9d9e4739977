package org.hainstall.core.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Proves after a run that no secret of a secrets folder leaked: every given file (folders are walked) is searched
 * for each secret the folder holds (the admin and node host private keys, the Heartbeat auth key, the DRBD secrets,
 * and any extra value such as a call-back token) and for a generic private-key marker. A seed ISO may name its own
 * node: that node's host key is allowed in it (it is what the ISO is for), nothing else is. It also checks modes:
 * the secrets folder 0700/0600 throughout, and log-like files (*.log, *.jsonl, journal*.json) 0600 or 0640.
 * Findings name the file and which secret, never the secret's value.
 *
 * <p>However a secret is wrapped, split, re-indented, quoted or JSON-escaped, it is found: files are compared in
 * their {@link Base64View} (the characters secrets are made of, escapes undone), and a secret counts as found when
 * any {@value #PIECE}-character piece of it is there, so even a secret cut in two at any point is found by the
 * longer half. A private key is searched by the part of its text only its secret seed decides
 * ({@link SshKeyPair#secretBase64}), which no public key and no other key shares.
 *
 * <p>Symbolic links are never skipped silently: each is a finding naming its target (hainstall writes none). A link
 * to a file inside the scanned folder is followed, so what it shows is searched under its own name; one that leads
 * outside is not (it could name a device or the whole disk), and one to a folder is not walked again. Anything else
 * that is not a regular file (a pipe, a device) is a finding too, and is not read. The walk is {@link ScanWalk}'s,
 * the modes {@link ScanModes}'; this class searches.
 */
public final class SecretsScan {
    /** Anything shorter is too likely to turn up by chance. Generated secrets are far longer. */
    private static final int MIN_SECRET = 12;
    /** Base64 lines of a private key file shorter than this (the last line) are not searched on their own. */
    private static final int MIN_KEY_LINE = 40;
    /** A secret is found when any piece this long is found: 16 base64 characters are 96 random bits. */
    static final int PIECE = 16;
    private static final String MARKER = "a private-key marker";
    private static final int CHUNK = 1 << 20;

    /**
     * A place to search; {@code ownNode} is the node whose seed ISO this is, or null; {@code checkModes} is false
     * for files hainstall did not write (a copy of the terminal's output, say), whose modes are not its business.
     */
    public record Target(Path path, String ownNode, boolean checkModes) {
        public static Target of(Path path) {
            return new Target(path, null, true);
        }

        public static Target seedIso(Path iso, String node) {
            return new Target(iso, node, true);
        }

        public static Target contentOnly(Path path) {
            return new Target(path, null, false);
        }
    }

    /** One problem: the file and what is wrong with it (the secret's name, never its value). */
    public record Finding(Path file, String problem) {
        @Override
        public String toString() {
            return file + ": " + problem;
        }
    }

    /** What a scan found, and how many files it read. */
    public record Report(List<Finding> findings, int filesScanned) {
        public boolean clean() {
            return findings.isEmpty();
        }
    }

    /**
     * A secret to search for; {@code owner} is the node it belongs to, or null. {@code pieces} are compared with the
     * file's {@link Base64View}, except for the marker, which is compared with the raw bytes.
     */
    private record Needle(String label, String owner, List<byte[]> pieces) {
        static Needle of(String label, String owner, byte[] text) {
            byte[] view = Base64View.of(text);
            if (view.length < MIN_SECRET) {
                throw new IllegalArgumentException(label + " has too few letters and digits to search for safely");
            }
            if (view.length < 2 * PIECE) {
                return new Needle(label, owner, List.of(view));
            }
            // Aligned pieces: a secret cut once anywhere leaves one of them whole on one side of the cut.
            List<byte[]> pieces = new ArrayList<>();
            for (int i = 0; i + PIECE <= view.length; i += PIECE) {
                pieces.add(Arrays.copyOfRange(view, i, i + PIECE));
            }
            return new Needle(label, owner, pieces);
        }

        boolean marker() {
            return label.equals(MARKER);
        }

        int longest() {
            return pieces.stream().mapToInt(p -> p.length).max().orElse(1);
        }
    }

    private final SecretsStore store;
    private final List<Needle> needles;

    private SecretsScan(SecretsStore store, List<Needle> needles) {
        this.store = store;
        this.needles = List.copyOf(needles);
    }

    /** A scan for every secret the folder holds now. */
    public static SecretsScan of(SecretsStore store) {
        List<Needle> needles = new ArrayList<>();
        needles.add(new Needle(MARKER, null, List.of(ascii("PRIVATE KEY-----"))));
        Path folder = store.folder();
        keyLines(folder.resolve(SecretsStore.ADMIN_KEY), "the admin private key", null, needles);
        for (Path node : children(folder.resolve("nodes"))) {
            String name = node.getFileName().toString();
            keyLines(node.resolve(SecretsStore.HOST_KEY), "the host private key of " + name, name, needles);
        }
        value(folder.resolve(SecretsStore.HEARTBEAT), "the Heartbeat auth key", needles);
        for (Path drbd : children(folder.resolve("drbd"))) {
            String file = drbd.getFileName().toString();
            if (file.endsWith(".secret")) {
                value(drbd, "the DRBD secret of " + file.substring(0, file.length() - ".secret".length()), needles);
            }
        }
        return new SecretsScan(store, needles);
    }

    /** This scan plus one more secret value that belongs nowhere outside the secrets folder. */
    public SecretsScan with(String label, String secret) {
        return with(label, secret, null);
    }

    /**
     * This scan plus one more secret value that belongs to a node (its call-back token, say): allowed in that
     * node's own seed ISO, nowhere else.
     */
    public SecretsScan with(String label, String secret, String ownNode) {
        if (secret == null || secret.strip().length() < MIN_SECRET) {
            throw new IllegalArgumentException(label + " is too short to search for safely");
        }
        List<Needle> more = new ArrayList<>(needles);
        more.add(Needle.of(label, ownNode, secret.strip().getBytes(StandardCharsets.UTF_8)));
        return new SecretsScan(store, more);
    }

    /** How many distinct values this scan searches for (the marker included). */
    public int secretCount() {
        return needles.size();
    }

    public Report scan(List<Target> targets) {
        List<Finding> findings = new ArrayList<>(ScanModes.ofStore(store.folder()));
        int files = 0;
        for (Target t : targets) {
            if (!Files.exists(t.path(), LinkOption.NOFOLLOW_LINKS)) {
                findings.add(new Finding(t.path(), "does not exist (nothing to scan)"));
                continue;
            }
            for (ScanWalk.Entry entry : ScanWalk.entries(t.path(), findings)) {
                if (entry.content().toAbsolutePath().normalize().startsWith(store.folder().toAbsolutePath().normalize())
                        && entry.path().equals(entry.content())) {
                    continue; // the folder's own files hold secrets by design; their modes are checked above
                }
                files++;
                if (t.checkModes()) {
                    ScanModes.ofLog(entry.path(), entry.content()).ifPresent(findings::add);
                }
                for (String label : secretsIn(entry.content(), t.ownNode())) {
                    findings.add(new Finding(entry.path(), "holds " + label));
                }
            }
        }
        return new Report(List.copyOf(findings), files);
    }

    private List<String> secretsIn(Path file, String ownNode) {
        List<Needle> wanted = needles.stream()
                .filter(n -> ownNode == null || !(ownNode.equals(n.owner()) || n.marker()))
                .toList();
        int longest = wanted.stream().mapToInt(Needle::longest).max().orElse(1);
        boolean[] hit = new boolean[wanted.size()];
        Base64View view = new Base64View();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] raw = new byte[CHUNK + longest];
            byte[] seen = new byte[CHUNK + longest];
            int rawCarried = 0;
            int seenCarried = 0;
            byte[] chunk = new byte[CHUNK];
            while (true) {
                int read = in.readNBytes(chunk, 0, CHUNK);
                if (read <= 0) {
                    break;
                }
                System.arraycopy(chunk, 0, raw, rawCarried, read);
                int rawLen = rawCarried + read;
                int seenLen = view.feed(chunk, read, seen, seenCarried);
                for (int i = 0; i < wanted.size(); i++) {
                    Needle n = wanted.get(i);
                    if (!hit[i]) {
                        hit[i] = n.marker() ? containsAny(raw, rawLen, n.pieces()) : containsAny(seen, seenLen, n.pieces());
                    }
                }
                rawCarried = Math.min(longest - 1, rawLen);
                System.arraycopy(raw, rawLen - rawCarried, raw, 0, rawCarried);
                seenCarried = Math.min(longest - 1, seenLen);
                System.arraycopy(seen, seenLen - seenCarried, seen, 0, seenCarried);
            }
        } catch (IOException e) {
            return List.of("nothing readable (" + e.getMessage() + "), so it could not be checked");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < hit.length; i++) {
            if (hit[i] && !labels.contains(wanted.get(i).label())) {
                labels.add(wanted.get(i).label());
            }
        }
        return labels;
    }

    private static boolean contains(byte[] hay, int len, byte[] needle) {
        byte first = needle[0];
        outer:
        for (int i = 0; i <= len - needle.length; i++) {
            if (hay[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean containsAny(byte[] hay, int len, List<byte[]> pieces) {
        for (byte[] piece : pieces) {
            if (contains(hay, len, piece)) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A private key file is searched by the part of its text only its seed decides (see the class comment). A key
     * in another format falls back to its base64 lines past the first (the first is the same header for every
     * unencrypted ed25519 key, and another node's own key, rightly in its seed ISO, would match it).
     */
    private static void keyLines(Path file, String label, String owner, List<Needle> out) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            out.add(Needle.of(label, owner, ascii(SshKeyPair.secretBase64(Files.readAllBytes(file)))));
            return;
        } catch (IOException | IllegalArgumentException notOpenSsh) {
            // the lines, below
        }
        List<String> lines = readLines(file).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("-----"))
                .toList();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).length() >= MIN_KEY_LINE) {
                out.add(Needle.of(label, owner, ascii(lines.get(i))));
            }
        }
    }

    private static void value(Path file, String label, List<Needle> out) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String v = String.join("\n", readLines(file)).strip();
        if (v.length() >= MIN_SECRET) {
            out.add(Needle.of(label, null, v.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Arrays.asList(Files.readString(file, StandardCharsets.ISO_8859_1).split("\n"));
        } catch (IOException e) {
            throw new SecretsException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
