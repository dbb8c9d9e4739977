package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemCodeTest {
    static List<String> codes() throws IllegalAccessException {
        List<String> codes = new ArrayList<>();
        for (Field f : ProblemCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                codes.add((String) f.get(null));
            }
        }
        return codes;
    }

    @Test
    void everyCodeIsItsOwnNameAndUnique() throws Exception {
        for (Field f : ProblemCode.class.getFields()) {
            assertThat(f.get(null)).isEqualTo(f.getName());
        }
        assertThat(codes()).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z0-9_]+"));
    }

    @Test
    void everyCodeIsListedInTheDocs() throws Exception {
        Path doc = Example.path().getParent().getParent().resolve("docs/PROBLEM_CODES.md");
        String text = Files.readString(doc);

        assertThat(codes()).allSatisfy(code -> assertThat(text).contains("| `" + code + "`"));
    }

    @Test
    void everyCodeTheDocsListExists() throws Exception {
        Path doc = Example.path().getParent().getParent().resolve("docs/PROBLEM_CODES.md");
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("| `")) {
                documented.add(line.substring(3, line.indexOf('`', 3)));
            }
        }

        assertThat(codes()).containsExactlyInAnyOrderElementsOf(documented);
    }
}
