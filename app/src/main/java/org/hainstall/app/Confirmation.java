package org.hainstall.app;

import java.util.Locale;

/**
 * The one question the command line asks before it changes a cluster ({@code create}, {@code modify},
 * {@code switchover}); {@code --yes} skips it. No answer on stdin (a script without {@code --yes}) is a no.
 */
final class Confirmation {
    private final Terminal terminal;

    Confirmation(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Prints {@code what}, asks "Go on? [y/N]", and says why nothing was done unless the answer is yes. */
    boolean ask(String command, String what) {
        terminal.out().println(what);
        terminal.out().print("Go on? [y/N] ");
        terminal.out().flush();
        String answer = terminal.readLine();
        if (answer == null) {
            terminal.err().println("hainstall " + command + ": no answer on stdin; use --yes to run without asking. "
                    + "Nothing was done.");
            return false;
        }
        boolean yes = answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
        if (!yes) {
            terminal.err().println("hainstall " + command + ": not confirmed; nothing was done.");
        }
        return yes;
    }
}
