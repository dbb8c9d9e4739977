package org.hainstall.core.remote;

/** Receives a command's output line by line, as it arrives. */
@FunctionalInterface
public interface OutputListener {
    OutputListener IGNORE = (stream, line) -> { };

    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String line);
}
