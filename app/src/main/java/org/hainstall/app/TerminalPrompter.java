package org.hainstall.app;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.Prompt;

/**
 * Answers the admin's prompts on the terminal: prints the prompt and waits for Enter (done) or "cancel". With no
 * input to read (stdin closed or redirected from nothing) the prompt fails with a message saying what was asked,
 * rather than waiting forever or pretending it was done.
 */
final class TerminalPrompter implements AdminPrompter {
    private final Terminal terminal;
    // One reader thread: prompts from two nodes are asked one after the other, never interleaved.
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hainstall-prompt");
        t.setDaemon(true);
        return t;
    });

    TerminalPrompter(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public CompletableFuture<Prompt.Answer> ask(Prompt prompt) {
        return CompletableFuture.supplyAsync(() -> {
            terminal.out().println();
            terminal.out().println(">>> " + (prompt.node() == null ? "" : prompt.node() + ": ") + prompt.title());
            terminal.out().println("    " + prompt.message().replace("\n", "\n    "));
            terminal.out().print("    Press Enter when done, or type \"cancel\": ");
            terminal.out().flush();
            String line = terminal.readLine();
            if (line == null) {
                throw new IllegalStateException("no terminal input to answer the prompt \"" + prompt.title()
                        + "\"" + (prompt.node() == null ? "" : " for " + prompt.node())
                        + "; run hainstall on a terminal (or from the wizard) to answer it");
            }
            return line.strip().toLowerCase(Locale.ROOT).equals("cancel") ? Prompt.Answer.CANCEL : Prompt.Answer.DONE;
        }, reader);
    }
}
