package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FAULTS.md 45: control characters in config values are escaped wherever a message shows them. */
class QuoteTest {
    private static final String HOSTILE = "x\u001b[2J\u0007\r\nerror  nodes[0] [FORGED]: \u202eevil\u0085'\\";

    @Test
    void escapesControlsSeparatorsBidiOverridesTheQuoteAndTheBackslash() {
        assertThat(Quote.of(HOSTILE)).isEqualTo(
                "'x\\e[2J\\x07\\r\\nerror  nodes[0] [FORGED]: \\u202eevil\\u0085\\'\\\\'");
        assertThat(Quote.of(null)).isEqualTo("null");
    }

    @Test
    void keepsOrdinaryUnicodeAndCutsLongValues() {
        assertThat(Quote.of("café 中 \uD83D\uDE00")).isEqualTo("'café 中 \uD83D\uDE00'");
        assertThat(Quote.of("\uD800x")).isEqualTo("'\\ud800x'");
        assertThat(Quote.of("a".repeat(10_000))).hasSizeLessThan(200).endsWith("…(9880 more characters)'");
    }

    /** Every text value of the example made hostile: no problem the loader or the validator reports holds a control. */
    @Test
    void noProblemMessageOrPathCarriesAControlCharacterFromTheConfig() throws Exception {
        RecordMapper mapper = new RecordMapper();
        ConfigTree hostile = poison(mapper.toTree(Example.config()));
        // Closed-set words made hostile are reported while reading (as unknown words), the rest by the validator.
        List<Problem> problems = new ArrayList<>();
        ClusterConfig config = (ClusterConfig) mapper.read(hostile, ClusterConfig.class, "", problems);
        assertThat(problems).extracting(Problem::code).contains(ProblemCode.REPLICATION_PROTOCOL_INVALID);
        problems.addAll(new ConfigValidator().validate(config));
        String text = Example.text().replace("  name: sales-db ", "  \"na\\eme\\a\": sales-db\n  name: \"sa\\e[31mles\\nerror\" ")
                .replace("udpPort: 6940", "udpPort: \"\\e]0;pwned\\a\"");
        ConfigLoader.Result read = new ConfigLoader().read(text, ConfigFormat.YAML);
        problems.addAll(new ConfigValidator().validate(read));

        assertThat(problems).hasSizeGreaterThan(20).allSatisfy(p -> {
            assertThat(p.message().chars().filter(QuoteTest::isControl).count()).as(p.message()).isZero();
            assertThat(p.path().chars().filter(QuoteTest::isControl).count()).as(p.path()).isZero();
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("\\e[2J\\x07\\r\\n"));
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0x202e;
    }

    private static ConfigTree poison(ConfigTree tree) {
        if (tree instanceof ConfigTree.Obj o) {
            Map<String, ConfigTree.Entry> entries = new LinkedHashMap<>();
            o.entries().forEach((k, e) -> entries.put(k, new ConfigTree.Entry(k, 0, 0, poison(e.value()))));
            return new ConfigTree.Obj(entries, 0, 0);
        }
        if (tree instanceof ConfigTree.Arr a) {
            return new ConfigTree.Arr(a.items().stream().map(QuoteTest::poison).toList(), 0, 0);
        }
        ConfigTree.Scalar s = (ConfigTree.Scalar) tree;
        return s.value() instanceof String v ? new ConfigTree.Scalar(v + HOSTILE, v + HOSTILE, 0, 0) : s;
    }
}
