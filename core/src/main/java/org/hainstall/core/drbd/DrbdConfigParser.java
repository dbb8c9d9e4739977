package org.hainstall.core.drbd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads DRBD's configuration syntax as {@code drbdadm dump} prints it (and as .res files are written):
 * blocks {@code keyword [args] { … }} and statements {@code keyword [args];}, {@code #} comments, quoted strings.
 * The result is a generic tree; {@link DrbdResourceFacts} picks what the config needs.
 */
public final class DrbdConfigParser {

    /** A statement ({@code children} empty, {@code block} false) or a block. */
    public record Node(String keyword, List<String> args, List<Node> children, boolean block) {
        public Optional<Node> child(String keyword) {
            return children.stream().filter(c -> c.keyword.equals(keyword)).findFirst();
        }

        public List<Node> all(String keyword) {
            return children.stream().filter(c -> c.keyword.equals(keyword)).toList();
        }

        public Optional<String> value(String keyword) {
            return child(keyword).filter(c -> !c.args.isEmpty()).map(c -> c.args.get(0));
        }

        /** Finds a statement in this block or in any nested section (net, disk, options…). */
        public Optional<String> deepValue(String keyword) {
            Optional<String> here = value(keyword);
            if (here.isPresent()) {
                return here;
            }
            for (Node c : children) {
                if (c.block) {
                    Optional<String> found = c.deepValue(keyword);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }
    }

    private final List<String> tokens = new ArrayList<>();
    private int pos;

    private DrbdConfigParser(String text) {
        tokenize(text);
    }

    /** The top-level statements and blocks (global, common, resource …). */
    public static List<Node> parse(String text) {
        DrbdConfigParser p = new DrbdConfigParser(text);
        List<Node> top = p.parseBody(false);
        return top;
    }

    private List<Node> parseBody(boolean nested) {
        List<Node> nodes = new ArrayList<>();
        while (pos < tokens.size()) {
            String t = tokens.get(pos);
            if (t.equals("}")) {
                if (!nested) {
                    throw new IllegalArgumentException("unbalanced '}' in DRBD configuration");
                }
                pos++;
                return nodes;
            }
            nodes.add(parseItem());
        }
        if (nested) {
            throw new IllegalArgumentException("missing '}' in DRBD configuration");
        }
        return nodes;
    }

    private Node parseItem() {
        String keyword = tokens.get(pos++);
        List<String> args = new ArrayList<>();
        while (pos < tokens.size()) {
            String t = tokens.get(pos++);
            if (t.equals(";")) {
                return new Node(keyword, List.copyOf(args), List.of(), false);
            }
            if (t.equals("{")) {
                return new Node(keyword, List.copyOf(args), List.copyOf(parseBody(true)), true);
            }
            if (t.equals("}")) {
                throw new IllegalArgumentException("unexpected '}' after '" + keyword + "'");
            }
            args.add(t);
        }
        throw new IllegalArgumentException("statement '" + keyword + "' does not end with ';'");
    }

    private void tokenize(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '}' || c == ';') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    sb.append(text.charAt(i++));
                }
                i++;
                tokens.add(sb.toString());
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && "{};\"#".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
    }
}
