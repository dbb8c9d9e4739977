package org.hainstall.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellQuote;

/**
 * A look at a node: many read-only facts in one remote command. The script is a fixed preamble ({@code probe.sh}:
 * one shell function) followed by one line per fact, {@code fact NAME COMMAND…}, each command built from quoted
 * arguments like any other; {@code fragments} are code-written shell that call {@code fact} themselves, for facts
 * whose names are found on the node ({@link Fragment}). The output carries a random boundary
 * per run, so no fact's output can be mistaken for the next fact's header.
 *
 * <p>The output is never forwarded to events: a file's content may be a secret's neighbour, and secrets themselves
 * are only ever read as digests ({@link Fact#digest}).
 */
public record Probe(List<Fact> facts, List<Fragment> fragments) {

    /**
     * Code-written shell that finds facts on the node and reports each with {@code fact} (reconstruct's disks and
     * DB2 instances, whose names only the node knows). Its name marks it in the script, for models of a node.
     */
    public record Fragment(String name, String script) {
        /** A fragment kept as a resource beside {@code owner}. */
        public static Fragment resource(Class<?> owner, String name) {
            return new Fragment(name, Probe.resource(owner, name));
        }
    }

    /** Long enough for some 80 small commands on a slow (emulated) node; a hung command fails the look. */
    public static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String PREAMBLE = resource(Probe.class, "probe.sh");
    private static final String FACT = "fact ";
    private static final String FRAGMENT = "# fragment ";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Probe {
        facts = List.copyOf(facts);
        fragments = List.copyOf(fragments);
    }

    public static Probe of(List<Fact> facts) {
        return new Probe(facts, List.of());
    }

    /** The script: the preamble, a line per fact, then the fragments. */
    public String script() {
        StringBuilder s = new StringBuilder(PREAMBLE);
        for (Fact f : facts) {
            s.append(FACT).append(ShellQuote.quote(f.name())).append(' ').append(f.command().line()).append('\n');
        }
        for (Fragment fragment : fragments) {
            s.append(FRAGMENT).append(fragment.name()).append('\n').append(fragment.script());
            if (!fragment.script().endsWith("\n")) {
                s.append('\n');
            }
        }
        return s.toString();
    }

    /**
     * Runs the probe as one remote command and returns each fact's result by name (exit status, standard output,
     * the last line of standard error). A probe that did not run to its end, or lost a fact, is an error: a look is
     * never taken as "nothing there".
     */
    public Map<String, CommandResult> run(Shell shell) throws RemoteException {
        String boundary = newBoundary();
        CommandResult r = shell.runScript(script(), List.of(boundary), TIMEOUT, OutputListener.IGNORE);
        if (!r.ok()) {
            throw new RemoteException(RemoteException.Kind.IO, "reading the facts of " + shell.nodeName()
                    + " failed with exit " + r.exitCode() + lastLine(r.stderr()));
        }
        Map<String, CommandResult> results;
        try {
            results = parse(r.stdout(), boundary);
        } catch (IllegalArgumentException e) {
            throw new RemoteException(RemoteException.Kind.IO, "the facts read from " + shell.nodeName()
                    + " are incomplete: " + e.getMessage(), e);
        }
        for (Fact f : facts) {
            if (!results.containsKey(f.name())) {
                throw new RemoteException(RemoteException.Kind.IO, "the facts read from " + shell.nodeName()
                        + " lack " + f.name());
            }
        }
        return results;
    }

    static String newBoundary() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "@@hainstall-" + HexFormat.of().formatHex(b);
    }

    /** Reads a probe's output: fact name → exit status, standard output and the last line of standard error. */
    public static Map<String, CommandResult> parse(String output, String boundary) {
        Map<String, CommandResult> out = new LinkedHashMap<>();
        String header = boundary + " fact ";
        String end = boundary + " end ";
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (name == null) {
                if (line.startsWith(header)) {
                    name = line.substring(header.length());
                    body.setLength(0);
                } else if (!line.isEmpty()) {
                    throw new IllegalArgumentException("unexpected line outside a fact: " + line);
                }
            } else if (line.startsWith(end)) {
                String[] rest = line.substring(end.length()).split(" ", 2);
                // the preamble prints a newline before the end line, so a fact's output keeps its own last newline
                String stdout = body.length() > 0 ? body.substring(0, body.length() - 1) : "";
                out.put(name, new CommandResult(Integer.parseInt(rest[0]), stdout, rest.length > 1 ? rest[1] : ""));
                name = null;
            } else {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            throw new IllegalArgumentException("the output of " + name + " ends early");
        }
        return out;
    }

    /** The boundary a captured probe output uses (its first line), for reading fixtures. */
    public static String boundaryOf(String output) {
        int i = output.indexOf(" fact ");
        if (i <= 0 || output.substring(0, i).contains("\n")) {
            throw new IllegalArgumentException("not a probe's output");
        }
        return output.substring(0, i);
    }

    /** Answers one command of a probe, and the facts a fragment would find (none unless it says). */
    @FunctionalInterface
    public interface Answer {
        CommandResult answer(Command command) throws RemoteException;

        default Map<String, CommandResult> fragment(String name) throws RemoteException {
            return Map.of();
        }
    }

    /**
     * The output a probe script would print on a node that answers each of its fact lines, and each fragment, as
     * {@code node} does: for models of a node and test doubles, which run nothing.
     */
    public static String answer(String script, String boundary, Answer node) throws RemoteException {
        StringBuilder out = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith(FRAGMENT)) {
                for (Map.Entry<String, CommandResult> e : node.fragment(line.substring(FRAGMENT.length())).entrySet()) {
                    out.append(format(boundary, e.getKey(), e.getValue()));
                }
                continue;
            }
            if (!line.startsWith(FACT)) {
                continue;
            }
            String[] nameAndCommand = firstWord(line.substring(FACT.length()));
            CommandResult r = node.answer(Command.raw(nameAndCommand[1]));
            out.append(format(boundary, nameAndCommand[0], r));
        }
        return out.toString();
    }

    /** A look's results as the probe prints them (with a fixed boundary): how captured looks are kept. */
    public static String text(Map<String, CommandResult> results) {
        StringBuilder out = new StringBuilder();
        results.forEach((name, r) -> out.append(format("@@hainstall-captured", name, r)));
        return out.toString();
    }

    /** One fact as the preamble prints it. */
    public static String format(String boundary, String name, CommandResult r) {
        String err = r.stderr() == null ? "" : r.stderr().strip();
        String last = err.isEmpty() ? "" : err.substring(err.lastIndexOf('\n') + 1);
        return boundary + " fact " + name + "\n" + r.stdout() + "\n" + boundary + " end " + r.exitCode() + " " + last
                + "\n";
    }

    /** Splits a line after its first shell word, unquoting that word as {@link ShellQuote} wrote it. */
    static String[] firstWord(String line) {
        StringBuilder word = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == ' ') {
                break;
            } else {
                word.append(c);
            }
            i++;
        }
        return new String[] {word.toString(), i < line.length() ? line.substring(i + 1) : ""};
    }

    private static String lastLine(String stderr) {
        String t = stderr == null ? "" : stderr.strip();
        return t.isEmpty() ? "" : " — " + t.substring(t.lastIndexOf('\n') + 1);
    }

    private static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
