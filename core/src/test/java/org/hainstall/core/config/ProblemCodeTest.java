package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/PROBLEM_CODES.md and {@link ProblemCode} list the same codes, and nothing in the code base names a code as
 * a string literal (which is how codes went missing from the page before).
 */
class ProblemCodeTest {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

    /** Every code's name, in declaration order. */
    static List<String> codes() {
        return Arrays.stream(ProblemCode.values()).map(ProblemCode::name).toList();
    }

    private static Path root() {
        return Example.path().getParent().getParent();
    }

    /** The codes the page lists: the first column of its tables. */
    private static List<String> documented() throws IOException {
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(root().resolve("docs/PROBLEM_CODES.md"))) {
            if (line.startsWith("| `")) {
                documented.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        return documented;
    }

    @Test
    void everyCodeIsUpperCaseWithUnderscores() {
        assertThat(codes()).allMatch(c -> c.matches("[A-Z][A-Z0-9_]+"));
    }

    @Test
    void everyCodeIsListedInTheDocs() throws Exception {
        assertThat(documented()).as("codes missing from docs/PROBLEM_CODES.md").containsAll(codes());
    }

    @Test
    void everyCodeTheDocsListExists() throws Exception {
        assertThat(codes()).as("codes in docs/PROBLEM_CODES.md that ProblemCode does not have")
                .containsAll(documented());
        assertThat(documented()).as("codes listed twice in docs/PROBLEM_CODES.md").doesNotHaveDuplicates();
    }

    @Test
    void eachCodeIsListedUnderItsAreasHeading() throws Exception {
        // The page's headings say who reports a code; a code listed under another's heading misleads the reader.
        Map<ProblemCode.Area, List<String>> headings = Map.of(
                ProblemCode.Area.CONFIG, List.of("## Reading the file", "## Validation"),
                ProblemCode.Area.CLONE, List.of("## Cloning"),
                ProblemCode.Area.WIZARD, List.of("## The wizard"),
                ProblemCode.Area.RUN, List.of("## Running"));
        String heading = "";
        List<String> misplaced = new ArrayList<>();
        for (String line : Files.readAllLines(root().resolve("docs/PROBLEM_CODES.md"))) {
            if (line.startsWith("## ")) {
                heading = line;
            } else if (line.startsWith("| `")) {
                String code = line.substring(3, line.indexOf('`', 3));
                if (codes().contains(code)) {
                    String under = heading;
                    if (headings.get(ProblemCode.valueOf(code).area()).stream().noneMatch(under::startsWith)) {
                        misplaced.add(code + " under " + Quote.of(under));
                    }
                }
            }
        }
        assertThat(misplaced).isEmpty();
    }

    @Test
    void noSourceFileWritesACodeAsAStringLiteral() throws Exception {
        Set<String> codes = Set.copyOf(codes());
        List<String> found = new ArrayList<>();
        for (String module : List.of("core", "ui", "app")) {
            Path sources = root().resolve(module).resolve("src/main/java");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path file : files) {
                Matcher m = STRING_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    if (codes.contains(m.group(1))) {
                        found.add(root().relativize(file) + ": \"" + m.group(1) + "\"");
                    }
                }
            }
        }
        assertThat(found).as("use ProblemCode instead of these literals").isEmpty();
    }

    @Test
    void theGuardSeesModulesItScans() {
        // Without this, a moved source tree would make the literal scan above pass by finding no files.
        assertThat(Stream.of("core", "ui", "app").map(m -> root().resolve(m).resolve("src/main/java")))
                .allMatch(Files::isDirectory);
        assertThat(Arrays.stream(ProblemCode.Area.values())
                .collect(Collectors.toSet())).as("every area has a code")
                .isEqualTo(Arrays.stream(ProblemCode.values()).map(ProblemCode::area).collect(Collectors.toSet()));
    }
}
