package org.hainstall.core.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command line built from separate arguments; every argument is quoted by {@link ShellQuote}, so a value
 * can never become shell syntax. Pipes and redirections are written as {@link #raw} fragments by code,
 * never from config values.
 */
public final class Command {
    private final List<String> parts;
    private final String display;

    private Command(List<String> parts, String display) {
        this.parts = List.copyOf(parts);
        this.display = display;
    }

    /** Each argument is quoted. */
    public static Command of(String program, String... args) {
        List<String> parts = new ArrayList<>();
        parts.add(ShellQuote.quote(program));
        for (String arg : args) {
            parts.add(ShellQuote.quote(Objects.requireNonNull(arg)));
        }
        String line = String.join(" ", parts);
        return new Command(List.of(line), line);
    }

    /** Each argument is quoted. */
    public static Command of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        return of(argv.get(0), argv.subList(1, argv.size()).toArray(String[]::new));
    }

    /** Shell syntax written by our own code (pipes, redirections, {@code ||}); never pass config values here. */
    public static Command raw(String shellSyntax) {
        return new Command(List.of(shellSyntax), shellSyntax);
    }

    /** This command, then another, joined by {@code &&}. */
    public Command and(Command next) {
        String line = line() + " && " + next.line();
        return new Command(List.of(line), line);
    }

    /** The text a POSIX shell runs. */
    public String line() {
        return String.join(" ", parts);
    }

    @Override
    public String toString() {
        return display;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && c.line().equals(line());
    }

    @Override
    public int hashCode() {
        return line().hashCode();
    }
}
