package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * FAULTS.md 44: thousands of mutated configs through the loader and the validator, in process. Whatever the text,
 * nothing but a ConfigException escapes, every result is one of valid / problems / unreadable, no message carries a
 * control character, and a config the validator accepts also satisfies the JSON Schema. Each input runs under a
 * generous time bound: a hang guard, not a speed measure. The seed is fixed so a failure names an input that can be
 * made again ({@code -Dfuzz.seed=N} tries other ones).
 */
class ConfigFuzzTest {
    private static final int INPUTS = 3000;
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final Set<ProblemCode> UNREADABLE_CODES = Set.of(ProblemCode.CONFIG_UNREADABLE,
            ProblemCode.CONFIG_TOO_LARGE, ProblemCode.CONFIG_SYNTAX, ProblemCode.CONFIG_EMPTY,
            ProblemCode.CONFIG_WRONG_TYPE, ProblemCode.CONFIG_UNKNOWN_KEY, ProblemCode.CONFIG_DUPLICATE_KEY);
    private static final String[] VALUES = {"[]", "{}", "true", "false", "null", "~", "\"\"", "''", "1e999",
            "99999999999999999999999", "-9223372036854775809", "-1", "0", "0x1F", "0o17", ".inf", ".nan", "yes", "no",
            "!!binary AAAA", "!!str 5", "&a x", "*a", "\"\\e[31m\\a\\u0000\"", "[1, [2, [3]]]", "{a: {b: {c: 1}}}",
            "|\n  block\n  text", ">-\n  folded", "'it''s'", "\"\\uD83D\\uDE00\"", "2001:db8::1", "192.168.122.999",
            "- item", "? complex\n: key", "!!set {a, b}", "%TAG ! tag:x,2000:", "---", "..."};
    private static final String[] UNICODE = {"\uD83D\uDE00", "\u202E", "\u0000", "\u0007", "\u001B[2J", "\u00e9",
            "\u4e2d\u6587", "\uFEFF", "\u2028", "\uD800", "\uDC00", "\t", "\r", "\r\n", "\u0085", "\uFFFF", "\\"};

    private enum Outcome { VALID, PROBLEMS, UNREADABLE }

    private final ConfigLoader loader = new ConfigLoader();
    private final ConfigValidator validator = new ConfigValidator();
    private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(new ConfigSchema().json(), InputFormat.JSON);

    @Test
    void thousandsOfMutatedConfigsEndValidWithProblemsOrUnreadableAndNothingElse() {
        long seed = Long.getLong("fuzz.seed", 17L);
        Random random = new Random(seed);
        String yaml = Example.text();
        String json = new ConfigWriter().toJson(Example.config());
        List<BiFunction<String, Random, String>> mutations = mutations();
        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
        for (int i = 0; i < INPUTS; i++) {
            boolean asJson = random.nextInt(4) == 0;
            String text = asJson ? json : yaml;
            int rounds = 1 + random.nextInt(3);
            List<Integer> applied = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                int m = random.nextInt(mutations.size());
                applied.add(m);
                text = mutations.get(m).apply(text, random);
            }
            String input = text;
            ConfigFormat format = asJson ? ConfigFormat.JSON : ConfigFormat.YAML;
            String which = "input " + i + " (seed " + seed + ", mutations " + applied + ", " + format + ")";
            Outcome outcome = Assertions.assertTimeoutPreemptively(HANG_GUARD, () -> {
                try {
                    return outcome(input, format, which);
                } catch (RuntimeException | StackOverflowError escaped) {
                    throw new AssertionError(which + ": " + escaped + " escaped the loader or the validator", escaped);
                }
            }, which + " took longer than the hang guard");
            seen.merge(outcome, 1, Integer::sum);
        }
        // The mutations reach every kind of result, so the loop above tried each path.
        assertThat(seen.keySet()).containsExactlyInAnyOrder(Outcome.values());
    }

    private Outcome outcome(String text, ConfigFormat format, String which) {
        ConfigLoader.Result read;
        try {
            read = loader.read(text, format);
        } catch (ConfigException e) {
            assertThat(e.problems()).as(which).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.code()).as(which).isIn(UNREADABLE_CODES));
            assertNoControlCharacters(e.problems(), which);
            return Outcome.UNREADABLE;
        }
        List<Problem> problems = validator.validate(read);
        assertNoControlCharacters(problems, which);
        if (problems.stream().anyMatch(Problem::isError)) {
            return Outcome.PROBLEMS;
        }
        assertThat(schema.validate(new ConfigWriter().toJson(read.config()), InputFormat.JSON))
                .as(which + ": valid for hainstall, so valid for its schema").isEmpty();
        return Outcome.VALID;
    }

    private static void assertNoControlCharacters(List<Problem> problems, String which) {
        for (Problem p : problems) {
            assertThat((p.path() + p.message()).chars().filter(c -> c < 0x20 || c == 0x7f).count())
                    .as(which + ": " + p).isZero();
        }
    }

    private static List<BiFunction<String, Random, String>> mutations() {
        List<BiFunction<String, Random, String>> m = new ArrayList<>();
        m.add((t, r) -> { // delete a line
            List<String> lines = new ArrayList<>(t.lines().toList());
            if (!lines.isEmpty()) {
                lines.remove(r.nextInt(lines.size()));
            }
            return String.join("\n", lines) + "\n";
        });
        m.add((t, r) -> { // repeat a line: duplicate keys, list items
            List<String> lines = new ArrayList<>(t.lines().toList());
            int at = r.nextInt(lines.size());
            lines.add(at, lines.get(at));
            return String.join("\n", lines) + "\n";
        });
        m.add((t, r) -> replaceValue(t, r, VALUES[r.nextInt(VALUES.length)])); // another type or YAML feature
        m.add((t, r) -> replaceValue(t, r, String.valueOf(r.nextLong()) + "9".repeat(r.nextInt(40)))); // huge numbers
        m.add((t, r) -> insert(t, r, UNICODE[r.nextInt(UNICODE.length)])); // Unicode and controls anywhere
        m.add((t, r) -> { // an emoji whose first half falls at the parser's read window (offset 1024 + 1025·k)
            int at = Math.min(t.length(), 1022 + 1025 * r.nextInt(3));
            return t.substring(0, at) + "# \uD83D\uDE00\n" + t.substring(at);
        });
        m.add((t, r) -> { // anchors and aliases, a merge key
            String anchored = replaceValue(t, r, "&v " + "x".repeat(1 + r.nextInt(5)));
            return r.nextBoolean() ? replaceValue(anchored, r, "*v") : anchored.replaceFirst("\n  ", "\n  <<: *v\n  ");
        });
        m.add((t, r) -> { // deep nesting
            int depth = 1 + r.nextInt(r.nextBoolean() ? 50 : 20_000);
            String nested = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
            return r.nextBoolean() ? replaceValue(t, r, nested) : "extra: " + nested + "\n" + t;
        });
        m.add((t, r) -> { // tabs for indentation
            List<String> lines = new ArrayList<>(t.lines().toList());
            int at = r.nextInt(lines.size());
            lines.set(at, lines.get(at).replaceFirst("^ {2}", "\t"));
            return String.join("\n", lines) + "\n";
        });
        m.add((t, r) -> replaceValue(t, r, "x".repeat(1 + r.nextInt(200_000)))); // long strings
        m.add((t, r) -> t.substring(0, r.nextInt(t.length() + 1))); // cut short
        m.add((t, r) -> { // a random character changed
            if (t.isEmpty()) {
                return t;
            }
            int at = r.nextInt(t.length());
            return t.substring(0, at) + (char) r.nextInt(0x3000) + t.substring(at + 1);
        });
        m.add((t, r) -> { // a key misspelt
            List<String> lines = new ArrayList<>(t.lines().toList());
            int at = r.nextInt(lines.size());
            lines.set(at, lines.get(at).replaceFirst("([A-Za-z]+)(\"?\\s*:)", "$1x$2"));
            return String.join("\n", lines) + "\n";
        });
        m.add((t, r) -> t + "\n---\n" + t.substring(0, Math.min(t.length(), 40))); // a second document
        m.add((t, r) -> t.repeat(1 + r.nextInt(3)) + "x".repeat(r.nextInt(2) == 0 ? ConfigLoader.MAX_BYTES : 0));
        return m;
    }

    /** The value after a random "key: " (YAML) or {@code "key": } (JSON) replaced. */
    private static String replaceValue(String text, Random r, String value) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int tries = 0; tries < 20 && !lines.isEmpty(); tries++) {
            int at = r.nextInt(lines.size());
            String line = lines.get(at);
            int colon = line.indexOf(": ");
            if (colon > 0) {
                lines.set(at, line.substring(0, colon + 2) + value);
                return String.join("\n", lines) + "\n";
            }
        }
        return text;
    }

    private static String insert(String text, Random r, String what) {
        int at = r.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }
}
