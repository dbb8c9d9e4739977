package org.hainstall.ui.files;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hainstall.core.config.ClusterConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Config files through core.
 *
 * <p>TODO(lead): core's {@code ConfigLoader} / {@code ConfigWriter} (docs/INTERFACES.md) were not on the
 * branch when the wizard was written. Until they land this reads and writes the records with plain Jackson
 * YAML (the library core already uses); once they are merged, replace the three method bodies with
 * {@code ConfigLoader.load(file)}, {@code ConfigWriter.toYaml(config)} and drop the mapper, so the wizard
 * reports the loader's line/column problems and writes exactly what the command line writes.
 */
public final class CoreConfigFiles implements ConfigFiles {
    private final ObjectMapper mapper = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            // An unknown or repeated key is a mistake to report, never something to ignore (FAULTS.md 2).
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Only the records' components are config keys: not helpers such as Node.isValidDataHolder().
            .changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    @Override
    public ClusterConfig load(Path file) throws IOException {
        try {
            return mapper.readValue(file.toFile(), ClusterConfig.class);
        } catch (JacksonException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void save(Path file, ClusterConfig config) throws IOException {
        // Temp file + rename: a crash mid-write never leaves half a config behind.
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, toYaml(config), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String toYaml(ClusterConfig config) {
        return mapper.writeValueAsString(config);
    }
}
