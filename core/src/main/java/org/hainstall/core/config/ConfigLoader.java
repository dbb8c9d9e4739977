package org.hainstall.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a config file (YAML 1.2 or JSON) into {@link ClusterConfig}. Strict: malformed text, unknown keys,
 * duplicated keys and values of the wrong type are all reported at once, each naming its path (and line and column
 * where the text has them). Whether the values make sense is {@link ConfigValidator}'s job, not this one's.
 *
 * <p>Two ways in: {@link #load} throws a {@link ConfigException} for any of those problems (commands that act on a
 * cluster), {@link #read} throws only when the text cannot be used at all (unreadable, too large, malformed, empty)
 * and otherwise returns what it could read with the key and type problems beside it, so that {@code validate}
 * reports them together with every other problem. Either way the file is checked before it is opened: only a
 * regular file of at most {@link #MAX_BYTES} is read, and any Unicode in it loads.
 */
public final class ConfigLoader {
    /** Far above any real config (the commented example is about 4 KiB), far below anything slow to parse. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final TreeReader reader = new TreeReader();
    private final RecordMapper mapper = new RecordMapper();

    /** What {@link #read} could make of a file: the config (unreadable values left null) and its reading problems. */
    public record Result(ClusterConfig config, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Format by extension ({@code .yaml}, {@code .yml}, {@code .json}), otherwise by content. */
    public ClusterConfig load(Path file) throws ConfigException {
        return strict(read(file));
    }

    /** The wizard's entry point: text as typed or pasted, in a known format. */
    public ClusterConfig load(String text, ConfigFormat format) throws ConfigException {
        return strict(read(text, format));
    }

    /**
     * The file's config with its unknown keys, duplicated keys and wrong types as problems; a ConfigException only
     * when the file cannot be read or its text is malformed or empty.
     */
    public Result read(Path file) throws ConfigException {
        String text = text(file);
        return read(text, ConfigFormat.of(file, text));
    }

    public Result read(String text, ConfigFormat format) throws ConfigException {
        if (text.length() > MAX_BYTES) {
            throw tooLarge("the text", text.length() + " characters");
        }
        TreeReader.Result read = reader.read(text, format);
        List<Problem> problems = new ArrayList<>(read.duplicates());
        Object config = mapper.read(read.tree(), ClusterConfig.class, "", problems);
        if (config == null) {
            // Not a section of keys at the top: nothing in it can be checked further.
            throw new ConfigException(problems);
        }
        return new Result((ClusterConfig) config, problems);
    }

    ClusterConfig fromTree(ConfigTree tree) throws ConfigException {
        List<Problem> problems = new ArrayList<>();
        Object config = mapper.read(tree, ClusterConfig.class, "", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return (ClusterConfig) config;
    }

    private static ClusterConfig strict(Result result) throws ConfigException {
        if (!result.problems().isEmpty()) {
            throw new ConfigException(result.problems());
        }
        return result.config();
    }

    /** The file's text; a folder, device, FIFO or socket is refused before it is opened (a FIFO would block). */
    private static String text(Path file) throws ConfigException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "no such file");
        } catch (IOException e) {
            throw unreadable(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (attributes.isDirectory()) {
            throw unreadable(file, "it is a folder, not a config file");
        }
        if (!attributes.isRegularFile()) {
            throw unreadable(file, "not a regular file (a device, pipe or socket); give the config file itself");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(Quote.of(file.toString()), attributes.size() + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded even if the file grows after the size was read.
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw unreadable(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(Quote.of(file.toString()), "more than " + MAX_BYTES + " bytes");
        }
        try {
            // A strict decoder: a file in another encoding is refused rather than read with replacement characters.
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable(file, "not UTF-8 text");
        }
    }

    private static ConfigException unreadable(Path file, String why) {
        return new ConfigException(Problem.error("", ProblemCode.CONFIG_UNREADABLE,
                "cannot read " + Quote.of(file.toString()) + ": " + why + "."));
    }

    private static ConfigException tooLarge(String what, String size) {
        return new ConfigException(Problem.error("", ProblemCode.CONFIG_TOO_LARGE, what + " is " + size
                + "; a config is at most " + MAX_BYTES / 1024 + " KiB (the commented example is about 4 KiB). "
                + "Nothing was read."));
    }
}
