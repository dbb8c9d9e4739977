package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the corpus in src/test/resources/config/broken-cases.txt: each case is the example with one mistake, and
 * must produce exactly the listed problems (path and code), whether the loader or the validator finds them, as
 * {@code validate} reports them (reading problems and validation problems together).
 */
class BrokenConfigCorpusTest {
    private static final String CASES = "/config/broken-cases.txt";

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = BrokenConfigCorpusTest.class.getResourceAsStream(CASES)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ", -1);
                if (parts.length != 3) {
                    throw new IllegalStateException("a case needs name | edits | problems: " + line);
                }
                out.add(Arguments.of(parts[0].strip(), parts[1], parts[2].strip()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenConfigGivesExactlyItsProblems(String name, String edits, String expected) throws Exception {
        List<String> found = problemsOf(edits);

        assertThat(found).as(name).containsExactlyInAnyOrderElementsOf(parse(expected));
    }

    @org.junit.jupiter.api.Test
    void corpusHoldsAtLeastFortyCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    @org.junit.jupiter.api.Test
    void corpusCoversEveryValidationCode() throws Exception {
        String corpus;
        try (InputStream in = BrokenConfigCorpusTest.class.getResourceAsStream(CASES)) {
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Only a config's codes: the clone check, the wizard and a run report theirs about something else than a file.
        for (ProblemCode code : ProblemCode.values()) {
            if (code.area() != ProblemCode.Area.CONFIG) {
                continue;
            }
            boolean readOnlyByLoaderTests = code == ProblemCode.CONFIG_UNREADABLE || code == ProblemCode.CONFIG_EMPTY
                    || code == ProblemCode.CONFIG_TOO_LARGE
                    || code.name().startsWith("CONFIG_OVERRIDE_");
            if (!readOnlyByLoaderTests) {
                assertThat(corpus).as("a corpus case for " + code).contains(" " + code);
            }
        }
    }

    /** A case's config: the example's text after its "replace" edits, and its "set" overrides to apply. */
    record Edited(String text, List<String> sets) { }

    static Edited edit(String edits) {
        String text = Example.text();
        List<String> sets = new ArrayList<>();
        for (String edit : edits.split(" \\+\\+ ")) {
            if (edit.startsWith("replace ")) {
                String[] oldNew = edit.substring("replace ".length()).split(" => ?", 2);
                String old = unescape(oldNew[0]);
                if (!text.contains(old)) {
                    throw new IllegalStateException("the example does not contain: " + old);
                }
                text = text.replace(old, oldNew.length > 1 ? unescape(oldNew[1]) : "");
            } else if (edit.startsWith("set ")) {
                sets.add(edit.substring("set ".length()));
            } else {
                throw new IllegalStateException("unknown edit: " + edit);
            }
        }
        return new Edited(text, sets);
    }

    private static List<String> problemsOf(String edits) throws ConfigException {
        Edited edited = edit(edits);
        String text = edited.text();
        List<String> sets = edited.sets();
        List<Problem> problems;
        try {
            // As `validate` sees it: key and type problems beside every other one, only malformed text alone.
            ConfigLoader.Result read = new ConfigLoader().read(text, ConfigFormat.YAML);
            ClusterConfig config = new ConfigOverrides().apply(read.config(), sets);
            problems = new ConfigValidator().validate(new ConfigLoader.Result(config, read.problems()));
        } catch (ConfigException e) {
            problems = e.problems();
        }
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add((p.path().isEmpty() ? "(root)" : p.path()) + " " + p.code());
        }
        return out;
    }

    private static List<String> parse(String expected) {
        List<String> out = new ArrayList<>();
        for (String one : expected.split(", ")) {
            out.add(one.strip());
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
