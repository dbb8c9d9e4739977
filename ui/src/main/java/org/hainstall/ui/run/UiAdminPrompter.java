package org.hainstall.ui.run;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.plan.Prompt;

/**
 * Core's {@link AdminPrompter} answered on the run page. {@link #ask} runs on the engine's thread: it only
 * records the future and queues the prompt for the FX thread; the banner's Done/Cancel completes the future.
 */
public final class UiAdminPrompter implements AdminPrompter {
    private final EventSink toUi;
    private final Clock clock;
    private final Map<String, CompletableFuture<Prompt.Answer>> pending = new ConcurrentHashMap<>();

    public UiAdminPrompter(EventSink toUi, Clock clock) {
        this.toUi = toUi;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Prompt.Answer> ask(Prompt prompt) {
        CompletableFuture<Prompt.Answer> answer = new CompletableFuture<>();
        pending.put(prompt.id(), answer);
        toUi.publish(new Event.PromptRequested(clock.instant(), prompt));
        return answer;
    }

    /** The admin's answer; returns false if the prompt was no longer open. */
    public boolean answer(String promptId, Prompt.Answer answer) {
        CompletableFuture<Prompt.Answer> f = pending.remove(promptId);
        return f != null && f.complete(answer);
    }

    public boolean isOpen(String promptId) {
        return pending.containsKey(promptId);
    }

    /** A cancelled run leaves no prompt waiting. */
    public void cancelAll() {
        pending.keySet().forEach(id -> answer(id, Prompt.Answer.CANCEL));
    }
}
