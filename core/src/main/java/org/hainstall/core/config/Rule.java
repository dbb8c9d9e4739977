package org.hainstall.core.config;

import java.util.List;

/** One group of checks of {@link ConfigValidator}. Pure: reads the config, adds problems, nothing else. */
interface Rule {
    void check(ClusterConfig config, ProblemList problems);

    /** Lists may be absent in a half-written config; rules iterate over nothing then. */
    static <T> List<T> each(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String at(String path, int index) {
        return path + "[" + index + "]";
    }
}
