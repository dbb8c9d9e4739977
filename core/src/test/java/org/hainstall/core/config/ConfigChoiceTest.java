package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        for (E word : type.getEnumConstants()) {
            ClusterConfig set = new ConfigOverrides().apply(Example.config(), List.of(path + "=" + word.configValue()));
            assertThat(new ConfigWriter().toYaml(set)).contains(": " + word.configValue());
            assertThat(validator.validate(set)).as("%s=%s", path, word).noneMatch(p -> p.code().equals(code));
        }
        assertThatThrownBy(() -> new ConfigOverrides().apply(Example.config(), List.of(path + "=nonsense")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.path()).isEqualTo(path);
                            assertThat(p.code()).isEqualTo(code);
                            assertThat(p.message()).contains("'nonsense'", ConfigChoice.setName(type));
                            for (String known : ConfigChoice.valuesOf(type)) {
                                assertThat(p.message()).contains(known);
                            }
                        }));
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
    void theExampleReadsAsCoresEnumsAndAWrongWordAsAProblemBesideTheOthers() throws Exception {
        ClusterConfig example = Example.config();
        assertThat(example.provisioning().kind()).isEqualTo(ProvisioningKind.LIBVIRT);
        assertThat(example.provisioning().isLibvirt()).isTrue();
        assertThat(example.replication().protocol()).isEqualTo(DrbdProtocol.C);
        assertThat(example.replication().initialSync()).isNotNull();
        assertThat(example.storage().disks().get(0).partitions().get(0).type()).isEqualTo(PartitionType.LVM);
        assertThat(example.replication().resources().get(0).filesystem().type()).isNotNull();

        String text = Example.text().replace("kind: libvirt", "kind: Libvirt")
                .replaceFirst("initialSync: \\w+", "initialSync: none");
        ConfigLoader.Result read = new ConfigLoader().read(text, ConfigFormat.YAML);
        assertThat(read.config().provisioning().kind()).isNull();
        assertThat(read.config().replication().initialSync()).isNull();
        List<Problem> problems = validator.validate(read);
        assertThat(problems).filteredOn(p -> p.path().equals("provisioning.kind")).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.PROVISIONING_KIND_UNKNOWN);
            assertThat(p.message()).contains("'Libvirt'", "Did you mean 'libvirt'?");
        });
        assertThat(problems).filteredOn(p -> p.path().equals("replication.initialSync")).singleElement()
                .extracting(Problem::code).isEqualTo(ProblemCode.REPLICATION_INITIAL_SYNC_INVALID);
    }

    @Test
    void aWrittenConfigHasTheWordsNotTheConstantNames() throws Exception {
        String written = new ConfigWriter().toYaml(Example.config());
        assertThat(written).contains("kind: libvirt", "protocol: C", "type: lvm", "type: ext4")
                .doesNotContain("LIBVIRT", "LVM", "EXT4");
        assertThat(new ConfigLoader().load(written, ConfigFormat.YAML)).isEqualTo(Example.config());
    }

    @Test
    void everyClosedSetOfTheRecordsIsAnEnumNotText() {
        // The components that name a kind, type, protocol or sync hold a ConfigChoice enum, never a String.
        List<String> textual = new ArrayList<>();
        for (Class<?> type : ClusterConfig.class.getDeclaredClasses()) {
            if (!type.isRecord()) {
                continue;
            }
            for (var c : type.getRecordComponents()) {
                if (List.of("kind", "type", "protocol", "initialSync", "mode").contains(c.getName())
                        && !(c.getType().isEnum() && ConfigChoice.class.isAssignableFrom(c.getType()))) {
                    textual.add(type.getSimpleName() + "." + c.getName());
                }
                if (ConfigChoice.class.isAssignableFrom(c.getType())) {
                    // every set has its name and its code for a word outside it (ClosedSets)
                    assertThat(ConfigChoice.setName(c.getType().asSubclass(ConfigChoice.class))).isNotBlank();
                }
            }
        }
        assertThat(textual).isEmpty();
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
