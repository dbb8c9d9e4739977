package org.hainstall.core.config;

import java.nio.file.Path;
import java.util.Locale;

/** The two file formats a config may be written in. */
public enum ConfigFormat {
    YAML,
    JSON;

    /** By extension ({@code .json}, {@code .yaml}/{@code .yml}); otherwise by content. */
    public static ConfigFormat of(Path file, String content) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        return detect(content);
    }

    /** JSON when the first meaningful character opens an object; YAML otherwise (YAML also reads most JSON). */
    public static ConfigFormat detect(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' ? JSON : YAML;
        }
        return YAML;
    }
}
