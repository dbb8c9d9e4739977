package org.hainstall.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellQuoteTest {
    static final List<String> NASTY = List.of(
            "", " ", "a b", "it's", "'", "''", "\"", "\\", "$HOME", "${IFS}", "`id`", "$(id)", "a;rm -rf /",
            "x && y", "x || y", "a|b", "a&", "<in", ">out", "2>&1", "(sub)", "{a,b}", "*", "?", "[a-z]", "!1",
            "~", "~root", "#comment", "tab\there", "line1\nline2", "trailing\n", "-n", "--", "=cmd", "a=b",
            "ünïcödé", "日本語", "emoji 🚀", "'; echo pwned; '", "\\'", "'\\''");

    @TempDir
    Path tmp;

    @Test
    void leavesPlainWordsReadable() {
        for (String plain : List.of("lvcreate", "-L", "20G", "/dev/vg0/data", "db2inst1", "user@host", "a=b",
                "50%", "a,b", "1.2.3.4:22", "x+y")) {
            assertThat(ShellQuote.quote(plain)).isEqualTo(plain);
        }
    }

    @Test
    void quotesShellMetacharacters() {
        assertThat(ShellQuote.quote("a;rm -rf /")).isEqualTo("'a;rm -rf /'");
        assertThat(ShellQuote.quote("$(id)")).isEqualTo("'$(id)'");
        assertThat(ShellQuote.quote("`id`")).isEqualTo("'`id`'");
        assertThat(ShellQuote.quote("~root")).isEqualTo("'~root'");
        assertThat(ShellQuote.quote("*")).isEqualTo("'*'");
        assertThat(ShellQuote.quote("=cmd")).isEqualTo("'=cmd'");
    }

    @Test
    void writesSingleQuotesAsCloseEscapeReopen() {
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.quote("'")).isEqualTo("''\\'''");
    }

    @Test
    void keepsTheEmptyStringAsAnArgument() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
    }

    @Test
    void quotesNonAsciiText() {
        assertThat(ShellQuote.quote("ünïcödé")).isEqualTo("'ünïcödé'");
    }

    @Test
    void refusesNul() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The proof: a real sh gives back every value unchanged, as exactly one argument each. */
    @Test
    void aRealShellReadsEveryQuotedValueBackUnchanged() throws Exception {
        Path out = tmp.resolve("out");
        StringBuilder line = new StringBuilder("printf '%s\\0'");
        for (String value : NASTY) {
            line.append(' ').append(ShellQuote.quote(value));
        }
        line.append(" > ").append(ShellQuote.quote(out.toString()));
        Process sh = new ProcessBuilder("sh", "-c", line.toString()).directory(tmp.toFile())
                .redirectErrorStream(true).start();
        String errors = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as(errors).isZero();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(printed.split("\0", -1)));
        args.remove(args.size() - 1); // after the last NUL
        assertThat(args).containsExactlyElementsOf(NASTY);
        try (var files = Files.list(tmp)) {
            assertThat(files.toList()).containsExactly(out); // no stray redirection created a file
        }
    }

    @Test
    void commandQuotesEveryArgument() {
        assertThat(Command.of("mkdir", "-p", "/srv/a b; rm -rf /").line()).isEqualTo("mkdir -p '/srv/a b; rm -rf /'");
    }
}
