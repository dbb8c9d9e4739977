package org.hainstall.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a config file (YAML 1.2 or JSON) into {@link ClusterConfig}. Strict: malformed text, unknown keys,
 * duplicated keys and values of the wrong type are all reported at once, each naming its path (and line and column
 * where the text has them), as a {@link ConfigException}. Whether the values make sense is
 * {@link ConfigValidator}'s job, not this one's.
 */
public final class ConfigLoader {
    private final TreeReader reader = new TreeReader();
    private final RecordMapper mapper = new RecordMapper();

    /** Format by extension ({@code .yaml}, {@code .yml}, {@code .json}), otherwise by content. */
    public ClusterConfig load(Path file) throws ConfigException {
        String text;
        try {
            // A strict decoder: a file in another encoding is refused rather than read with replacement characters.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw unreadable(file, "no such file");
        } catch (CharacterCodingException e) {
            throw unreadable(file, "not UTF-8 text");
        } catch (IOException e) {
            throw unreadable(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return load(text, ConfigFormat.of(file, text));
    }

    /** The wizard's entry point: text as typed or pasted, in a known format. */
    public ClusterConfig load(String text, ConfigFormat format) throws ConfigException {
        TreeReader.Result read = reader.read(text, format);
        return fromTree(read.tree(), read.duplicates());
    }

    ClusterConfig fromTree(ConfigTree tree) throws ConfigException {
        return fromTree(tree, List.of());
    }

    /** Maps the tree, reporting the reader's duplicate keys together with unknown keys and wrong types. */
    private ClusterConfig fromTree(ConfigTree tree, List<Problem> earlier) throws ConfigException {
        List<Problem> problems = new ArrayList<>(earlier);
        Object config = mapper.read(tree, ClusterConfig.class, "", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return (ClusterConfig) config;
    }

    private static ConfigException unreadable(Path file, String why) {
        return new ConfigException(Problem.error("", ProblemCode.CONFIG_UNREADABLE,
                "cannot read " + file + ": " + why + "."));
    }
}
