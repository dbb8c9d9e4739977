package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed word sets are enums, and the validator accepts exactly their words, at the example's paths. */
class ConfigChoiceTest {
    private final ConfigValidator validator = new ConfigValidator();

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of(DrbdProtocol.class, "replication.protocol", ProblemCode.REPLICATION_PROTOCOL_INVALID),
                Arguments.of(InitialSync.class, "replication.initialSync", ProblemCode.REPLICATION_INITIAL_SYNC_INVALID),
                Arguments.of(PartitionType.class, "storage.disks[0].partitions[0].type", ProblemCode.PARTITION_TYPE_UNKNOWN),
                Arguments.of(FilesystemType.class, "replication.resources[0].filesystem.type",
                        ProblemCode.FILESYSTEM_TYPE_UNKNOWN),
                Arguments.of(FilesystemType.class, "storage.volumeGroups[0].logicalVolumes[2].filesystem.type",
                        ProblemCode.FILESYSTEM_TYPE_UNKNOWN),
                Arguments.of(ProvisioningKind.class, "provisioning.kind", ProblemCode.PROVISIONING_KIND_UNKNOWN));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sets")
    <E extends Enum<E> & ConfigChoice> void everyWordOfTheEnumIsAcceptedAndAnyOtherIsNamedAtItsPath(
            Class<E> type, String path, ProblemCode code) throws Exception {
        for (String word : ConfigChoice.valuesOf(type)) {
            List<Problem> problems = validator.validate(new ConfigOverrides().apply(Example.config(),
                    List.of(path + "=" + word)));
            assertThat(problems).as("%s=%s", path, word).noneMatch(p -> p.code().equals(code));
        }
        List<Problem> wrong = validator.validate(new ConfigOverrides().apply(Example.config(),
                List.of(path + "=" + "nonsense")));
        assertThat(wrong).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.code()).isEqualTo(code);
        });
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sets")
    <E extends Enum<E> & ConfigChoice> void aWordParsesToItsConstantAndOnlyExactly(Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            assertThat(ConfigChoice.parse(type, constant.configValue())).contains(constant);
            assertThat(constant.description()).isNotBlank();
        }
        assertThat(ConfigChoice.parse(type, null)).isEmpty();
        assertThat(ConfigChoice.parse(type, " " + type.getEnumConstants()[0].configValue())).isEmpty();
    }

    @Test
    void theExampleReadsAsCoresEnumsAndAWrongWordAsNone() throws Exception {
        ClusterConfig example = Example.config();
        assertThat(example.provisioning().kindChoice()).contains(ProvisioningKind.LIBVIRT);
        assertThat(example.provisioning().isLibvirt()).isTrue();
        assertThat(example.replication().protocolChoice()).contains(DrbdProtocol.C);
        assertThat(example.replication().initialSyncChoice()).isPresent();
        assertThat(example.storage().disks().get(0).partitions().get(0).typeChoice()).contains(PartitionType.LVM);
        assertThat(example.replication().resources().get(0).filesystem().typeChoice()).isPresent();

        ClusterConfig wrong = new ConfigOverrides().apply(example,
                List.of("provisioning.kind=Libvirt", "replication.initialSync=none"));
        assertThat(wrong.provisioning().kindChoice()).isEmpty();
        assertThat(wrong.provisioning().isLibvirt()).isFalse();
        assertThat(wrong.replication().initialSyncChoice()).isEmpty();
    }

    @Test
    void aWrongProvisioningKindIsNamedAtItsPathWithTheAllowedWords() throws Exception {
        List<Problem> problems = validator.validate(new ConfigOverrides().apply(Example.config(),
                List.of("provisioning.kind=vmware")));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("provisioning.kind");
            assertThat(p.code()).isEqualTo(ProblemCode.PROVISIONING_KIND_UNKNOWN);
            assertThat(p.message()).contains("'vmware'", "libvirt", "physical");
        });
    }

    @Test
    void noSourceComparesAClosedSetWordAsText() throws Exception {
        List<String> words = new ArrayList<>(ConfigChoice.valuesOf(ProvisioningKind.class));
        words.addAll(ConfigChoice.valuesOf(DrbdProtocol.class));
        words.addAll(ConfigChoice.valuesOf(InitialSync.class));
        words.addAll(ConfigChoice.valuesOf(PartitionType.class));
        words.addAll(ConfigChoice.valuesOf(FilesystemType.class));
        String alternatives = String.join("|", words.stream().map(Pattern::quote).toList());
        // "libvirt".equals(kind), kind.equals("libvirt"), equalsIgnoreCase too: the enum's accessors do that job.
        Pattern compared = Pattern.compile(
                "\"(" + alternatives + ")\"\\s*\\.equals|\\.equals(IgnoreCase)?\\(\\s*\"(" + alternatives + ")\"\\s*\\)");
        Path root = Example.path().getParent().getParent();
        List<String> found = new ArrayList<>();
        for (String module : List.of("core", "ui", "app")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).isDirectory();
            try (Stream<Path> walk = Files.walk(sources)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = compared.matcher(Files.readString(file));
                    while (m.find()) {
                        found.add(root.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("compare through the ConfigChoice enums instead").isEmpty();
    }
}
