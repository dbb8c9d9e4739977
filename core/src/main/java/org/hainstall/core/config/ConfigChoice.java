package org.hainstall.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One word of a closed set that a config key accepts (a DRBD protocol, a filesystem type, …). The config keeps
 * the word as text, so a file round-trips exactly and a wrong word is a problem naming its path, not a load
 * error; the validator, the JSON Schema and the wizard's choice lists all take the set from the enum.
 */
public interface ConfigChoice {
    /** The word as the config file writes it. */
    String configValue();

    /** A few words for a person choosing it. */
    String description();

    /** Every word of {@code type}, in declaration order. */
    static <E extends Enum<E> & ConfigChoice> List<String> valuesOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).toList();
    }

    /** The constant whose word is exactly {@code text}; empty for null or an unknown word. */
    static <E extends Enum<E> & ConfigChoice> Optional<E> parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.configValue().equals(text)).findFirst();
    }
}
