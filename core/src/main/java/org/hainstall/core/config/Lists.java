package org.hainstall.core.config;

import java.util.Collections;
import java.util.List;

/** Defensive copies for the config records: lists may hold nulls (a half-filled wizard), so no List.copyOf. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
