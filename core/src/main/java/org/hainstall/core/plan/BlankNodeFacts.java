package org.hainstall.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;

/**
 * How a freshly installed Debian stub answers the read-only commands that steps' checks run: what
 * {@code create --dry-run} plans against without contacting anything ({@link BlankNodeShell}).
 *
 * <p>Rules match a command's full line with a regular expression; the rule added last wins, so the node steps
 * add or override answers for the fact commands they use ({@link #with}). A command no rule answers fails the
 * check with a message saying so — never a guess.
 */
public final class BlankNodeFacts {

    /** Answers one command on one node. */
    @FunctionalInterface
    public interface Answer {
        CommandResult answer(ClusterConfig.Node node, Command command);
    }

    private record Rule(Pattern pattern, Answer answer) { }

    private final List<Rule> rules;

    private BlankNodeFacts(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No answers at all. */
    public static BlankNodeFacts none() {
        return new BlankNodeFacts(List.of());
    }

    /**
     * A minimal Debian 12 install (the stub hainstall clones): the node's name set, openssh running, and none of
     * the cluster's packages, files, users, services or volumes present.
     */
    public static BlankNodeFacts debianStub() {
        return none()
                .with("uname -n|hostname", (node, c) -> ok(node.name() + "\n"))
                .with("dpkg-query .*|dpkg -s .*|dpkg -l .*", (node, c) ->
                        new CommandResult(1, "", "dpkg-query: no packages found matching the given name\n"))
                .with("command -v .*|which .*", (node, c) -> new CommandResult(1, "", ""))
                .with("(test|\\[) (-[a-zA-Z] )?.*", (node, c) -> new CommandResult(1, "", ""))
                .with("cat .*", (node, c) -> new CommandResult(1, "", "cat: No such file or directory\n"))
                .with("systemctl is-active .*", (node, c) -> new CommandResult(3, "inactive\n", ""))
                .with("systemctl is-enabled .*", (node, c) ->
                        new CommandResult(1, "", "Failed to get unit file state: No such file or directory\n"))
                .with("id .*", (node, c) -> new CommandResult(1, "", "id: no such user\n"))
                .with("getent .*", (node, c) -> new CommandResult(2, "", ""))
                .with("blkid -p .*", (node, c) -> new CommandResult(2, "", ""))
                .with("wipefs -n .*|wipefs --no-act .*", (node, c) -> ok(""))
                .with("(lvs|vgs|pvs|drbdadm|cl_status|chronyc|db2ilist|db2greg) ?.*", (node, c) ->
                        new CommandResult(127, "", "sh: command not found\n"));
    }

    /** Adds a rule; it wins over the rules added before it. {@code regex} must match the whole command line. */
    public BlankNodeFacts with(String regex, Answer answer) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), answer));
        return new BlankNodeFacts(more);
    }

    /** Adds an answer for exactly this command. */
    public BlankNodeFacts with(Command command, CommandResult result) {
        return with(Pattern.quote(command.line()), (node, c) -> result);
    }

    public Optional<CommandResult> answer(ClusterConfig.Node node, Command command) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.pattern().matcher(command.line()).matches()) {
                return Optional.of(rule.answer().answer(node, command));
            }
        }
        return Optional.empty();
    }

    private static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "");
    }
}
