package org.hainstall.core.plan;

import java.util.concurrent.CompletableFuture;

/** Asks the administrator; the wizard answers with a banner on the run page, the command line on its terminal. */
public interface AdminPrompter {
    CompletableFuture<Prompt.Answer> ask(Prompt prompt);
}
