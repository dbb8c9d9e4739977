package org.hainstall.core.plan;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hainstall.core.remote.Shell;

/** Builds runners for tests. */
final class Runs {
    private Runs() {
    }

    static final SecretsView NO_SECRETS = new SecretsView() {
        @Override
        public String heartbeatAuthKey() {
            throw new IllegalStateException("no secrets in this test");
        }

        @Override
        public String drbdSecret(String resourceName) {
            throw new IllegalStateException("no secrets in this test");
        }
    };

    static final AdminPrompter ANSWER_DONE = p -> CompletableFuture.completedFuture(Prompt.Answer.DONE);

    static RunTarget target(Map<String, Shell> shells) {
        return RunTarget.of(null, shells, NO_SECRETS, ANSWER_DONE);
    }

    static Runner runner(EventSink sink) {
        return new Runner(target(Map.of()), sink, RunJournal.none(), Clock.systemUTC(), new Redactor());
    }

    static RunResult apply(EventSink sink, List<Step> steps) {
        return runner(sink).run("test-run", RunMode.MODIFY, RunEffect.APPLY, steps);
    }
}
