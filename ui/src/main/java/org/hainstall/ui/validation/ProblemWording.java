package org.hainstall.ui.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.ProblemCode;

/**
 * Says a problem of core's validator in the form's words: a value still to fill in is "Required.", and a config
 * path inside a sentence ("already used by replication.resources[0].minor") becomes the field's label as the form
 * shows it ("Resource 1 › Minor"). The config path stays available as secondary detail.
 */
public final class ProblemWording {
    /** A config path inside a sentence: at least two segments, or one with an index. */
    private static final Pattern PATH = Pattern.compile(
            "\\b[a-z][A-Za-z0-9]*(?:\\[\\d+])?(?:\\.[a-z][A-Za-z0-9]*(?:\\[\\d+])?)+\\b|\\b[a-z][A-Za-z0-9]*\\[\\d+]");

    private final Function<String, Optional<String>> labels;

    /** {@code labels}: how the form names a config path, when it does. */
    public ProblemWording(Function<String, Optional<String>> labels) {
        this.labels = labels;
    }

    /**
     * Problems that only say a value is still missing. A new cluster starts with all of them, so they are shown
     * only once the admin has been to the field (or pressed Next).
     */
    public static boolean isMissingValue(Problem p) {
        return p.code().equals(ProblemCode.VALUE_REQUIRED) || p.code().equals(ProblemCode.MAC_REQUIRED)
                || (p.code().equals(ProblemCode.VALID_DATA_HOLDER_COUNT) && p.path().equals("nodes"));
    }

    /** The sentence under the field: "Required.", or core's sentence with its paths named as the form names them. */
    public String sentence(Problem p) {
        if (p.code().equals(ProblemCode.VALUE_REQUIRED)) {
            return p.message().contains("at least one") ? "Required: add at least one." : "Required.";
        }
        if (p.code().equals(ProblemCode.MAC_REQUIRED)) {
            return "Required for a physical machine: the MAC printed on its network card.";
        }
        return capitalised(namePaths(p.message()));
    }

    /** {@code text} with every config path the form names replaced by its label. */
    public String namePaths(String text) {
        Matcher m = PATH.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(labels.apply(path).orElse(path)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "[1]" → " 2", ".filesystem.type" → " › Filesystem › Type": the rest of a path below a named one. */
    static String rest(String tail) {
        StringBuilder out = new StringBuilder();
        for (String part : tail.split("(?=[.\\[])")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.startsWith("[")) {
                out.append(' ').append(Integer.parseInt(part.substring(1, part.length() - 1)) + 1);
            } else {
                out.append(" › ").append(words(part.substring(1)));
            }
        }
        return out.toString();
    }

    /** A whole path in words, for a path no form names: "replication.resources[1]" → "Replication › Resources 2". */
    public static String inWords(String path) {
        String r = rest("." + path);
        return r.startsWith(" › ") ? r.substring(3) : r.strip();
    }

    /** "replicationMac" → "Replication mac". */
    static String words(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return capitalised(spaced);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
