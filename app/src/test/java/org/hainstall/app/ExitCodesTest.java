package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every exit status the command line returns is named in {@link ExitCodes}, so scripts see one documented set. */
class ExitCodesTest {
    // "return 2;", "return ok ? 0 : 1;", "exit = 1;": a number where an exit status is decided.
    private static final Pattern BARE_STATUS = Pattern.compile(
            "return\\s+-?\\d+\\s*;|\\?\\s*-?\\d+\\s*:\\s*-?\\d+\\s*;|\\bexit\\s*=\\s*-?\\d+\\s*;");

    @Test
    void noCommandReturnsABareNumberAsItsExitStatus() throws Exception {
        Path sources = Path.of("src/main/java/org/hainstall/app");
        assertThat(sources).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = BARE_STATUS.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("use ExitCodes for these").isEmpty();
    }

    @Test
    void theDocumentedStatusesKeepTheirNumbers() {
        assertThat(List.of(ExitCodes.SUCCESS, ExitCodes.STEP_FAILED, ExitCodes.CHECK_FAILED, ExitCodes.NOT_CONFIRMED,
                ExitCodes.BAD_CONFIG,
                ExitCodes.NOTHING_DONE, ExitCodes.NOT_BUILT, ExitCodes.CANCELLED, ExitCodes.INTERNAL_ERROR))
                .containsExactly(0, 1, 1, 1, 2, 2, 3, 4, 70);
    }
}
