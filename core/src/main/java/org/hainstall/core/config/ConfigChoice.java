package org.hainstall.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One word of a closed set that a config key accepts (a DRBD protocol, a filesystem type, …). The config records
 * hold these enums, not text: the loader turns each word into its constant, and a word outside the set is a problem
 * naming its path and the words it could be, reported with every other problem of the file. The JSON Schema and
 * the wizard's choice lists take the set from the enum too.
 */
public interface ConfigChoice {
    /** The word as the config file writes it. */
    String configValue();

    /** A few words for a person choosing it. */
    String description();

    /** Every word of {@code type}, in declaration order. */
    static List<String> valuesOf(Class<? extends ConfigChoice> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).toList();
    }

    /** The constant whose word is exactly {@code text}; empty for null or an unknown word. */
    static <E extends ConfigChoice> Optional<E> parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.configValue().equals(text)).findFirst();
    }

    /** What the whole set is called in a message: "DRBD protocol". */
    static String setName(Class<? extends ConfigChoice> type) {
        return ClosedSets.of(type).setName();
    }

    /**
     * The problem for {@code text}, a word outside {@code type}'s set, at {@code path}: the words it could be, each
     * with what it means, and the likely one when it looks like a typo ("lvm" for "LVM").
     */
    static Problem unknownWord(Class<? extends ConfigChoice> type, String path, String text) {
        ConfigChoice[] words = type.getEnumConstants();
        String choices = Arrays.stream(words).map(w -> w.configValue() + " — " + w.description())
                .collect(Collectors.joining("; "));
        String guess = Suggest.closest(text, valuesOf(type)).map(s -> " Did you mean " + Quote.of(s) + "?").orElse("");
        ClosedSets.Names names = ClosedSets.of(type);
        return Problem.error(path, names.unknownWord(), names.setName() + " " + Quote.of(text)
                + " is unknown; use one of: " + choices + "." + guess);
    }
}
