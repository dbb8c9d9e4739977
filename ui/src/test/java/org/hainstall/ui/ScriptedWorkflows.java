package org.hainstall.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.EventSink;
import org.hainstall.core.plan.Outcome;
import org.hainstall.core.plan.Prompt;
import org.hainstall.core.plan.StepFailure;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.usecase.RunHandle;
import org.hainstall.core.usecase.RunRequest;
import org.hainstall.ui.run.Workflows;
import org.hainstall.core.plan.RunMode;

/**
 * A stand-in for the engine that plays a fixed event stream from its own thread, as the runner would: the one
 * place a stand-in feeds the UI (the engine is tested on its own against real nodes).
 */
final class ScriptedWorkflows implements Workflows {
    static final StepId KEYS = StepId.cluster("keys");
    static final StepId PKG1 = StepId.onNode("packages", "sales-db1");
    static final StepId DRBD1 = StepId.onNode("drbd", "sales-db1");
    static final StepId POWER2 = StepId.onNode("power-on", "sales-db2");
    static final StepId PKG2 = StepId.onNode("packages", "sales-db2");
    static final StepId DRBD2 = StepId.onNode("drbd", "sales-db2");

    /** Whether the run asks the admin to power on sales-db2 and waits for the answer. */
    volatile boolean withPrompt;
    /** Whether the run waits for cancel() after its first step (to test closing during a run). */
    volatile boolean waitForCancel;
    final AtomicReference<CompletableFuture<Prompt.Answer>> promptAnswer = new AtomicReference<>();
    final CountDownLatch cancelled = new CountDownLatch(1);
    volatile RunRequest request;


    @Override
    public boolean available() {
        return true;
    }

    @Override
    public RunHandle start(RunRequest request, EventSink events, AdminPrompter prompter) {
        this.request = request;
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                if (request.dryRun()) {
                    plan(events);
                } else {
                    play(events, prompter);
                }
                finished.complete(null);
            } catch (Exception e) {
                finished.completeExceptionally(e);
            }
        }, "scripted-run");
        t.setDaemon(true);
        t.start();
        return new RunHandle() {
            @Override
            public void cancel() {
                cancelled.countDown();
            }

            @Override
            public CompletableFuture<Void> finished() {
                return finished;
            }

            @Override
            public Optional<Path> logFolder() {
                return Optional.of(runFolder(request.configFile()));
            }
        };
    }

    /** Where core puts a run's folder: {@code <config>.state/runs/<run id>} beside the config file. */
    static Path runFolder(Path configFile) {
        Path config = configFile == null ? Path.of("cluster.yaml") : configFile.toAbsolutePath().normalize();
        String stem = config.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return config.resolveSibling(stem + ".state").resolve("runs").resolve("run-1");
    }

    private void play(EventSink sink, AdminPrompter prompter) throws Exception {
        Instant t0 = Instant.now();
        sink.publish(new Event.RunStarted(t0, "run-1", RunMode.CREATE, List.of(KEYS, PKG1, DRBD1, POWER2, PKG2, DRBD2)));
        step(sink, KEYS, Outcome.OK, 2, t0);
        t0 = Instant.now();
        if (waitForCancel) {
            cancelled.await();
            sink.publish(new Event.RunFinished(t0, "run-1", false, 0, 0, "cancelled after 1 step"));
            return;
        }
        if (withPrompt) {
            sink.publish(new Event.StepStarted(t0, POWER2, "Power on sales-db2"));
            Prompt prompt = new Prompt("p1", "sales-db2", "Power on sales-db2",
                    "Power on the machine with MAC 52:54:00:00:00:12, the seed CD attached.");
            CompletableFuture<Prompt.Answer> answer = prompter.ask(prompt);
            promptAnswer.set(answer);
            Prompt.Answer a = answer.get();
            sink.publish(new Event.PromptAnswered(t0, "p1", a));
            sink.publish(new Event.StepFinished(t0, POWER2, a == Prompt.Answer.DONE ? Outcome.CHANGED : Outcome.FAILED,
                    "admin answered " + a, Duration.ofSeconds(30)));
        } else {
            step(sink, POWER2, Outcome.SKIPPED, 0, t0);
        }
        step(sink, PKG1, Outcome.OK, 3, t0);
        step(sink, DRBD1, Outcome.CHANGED, 4, t0);
        step(sink, PKG2, Outcome.CHANGED, 5, t0);
        step(sink, DRBD2, Outcome.FAILED, 6, t0);
        sink.publish(new Event.RunFinished(Instant.now(), "run-1", false, withPrompt ? 3 : 2, 1,
                "1 step failed: sales-db2/drbd"));
    }

    /** A dry run: the changes a create run would make on blank nodes, its actions written as core writes them. */
    private static void plan(EventSink sink) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        sink.publish(new Event.ChangePlanned(t, KEYS, "generate the admin key, host keys, Heartbeat auth key",
                List.of("write sales-db.secrets/admin_ed25519 (mode 0600):", "  (secret content, 411 bytes)")));
        for (String node : List.of("sales-db1", "sales-db2")) {
            sink.publish(new Event.ChangePlanned(t, StepId.onNode("packages", node), "install drbd-utils heartbeat chrony lvm2",
                    List.of("run: apt-get install -y drbd-utils heartbeat chrony lvm2")));
            sink.publish(new Event.ChangePlanned(t, StepId.onNode("disks", node), "partition blank disk /dev/vdb (GPT)",
                    List.of("write /run/hainstall/sfdisk-vdb.txt (mode 0600):",
                            "run: sh -c 'sfdisk --wipe never -- \"$1\" < \"$2\"' sh /dev/vdb /run/hainstall/sfdisk-vdb.txt")));
            sink.publish(new Event.ChangePlanned(t, StepId.onNode("lvm", node), "create vg_db2 with 3 volumes",
                    List.of("run: pvcreate /dev/vdb1", "run: vgcreate vg_db2 /dev/vdb1",
                            "run: lvcreate --yes -L 1024m -n lv_db2home vg_db2")));
            sink.publish(new Event.ChangePlanned(t, StepId.onNode("drbd", node), "define db2home (minor 0)",
                    List.of("write /etc/drbd.d/db2home.res (mode 0600):", "run: drbdadm create-md db2home")));
        }
        sink.publish(new Event.ChangePlanned(t, StepId.cluster("drbd-initial-primary"),
                "on sales-db1: db2home: primary --force, full initial sync to sales-db2",
                List.of("run: drbdadm primary --force db2home")));
    }

    /** A step with {@code lines} lines of output, one of them on stderr. */
    private static void step(EventSink sink, StepId id, Outcome outcome, int lines, Instant at) {
        sink.publish(new Event.StepStarted(at, id, id.name()));
        for (int i = 1; i <= lines; i++) {
            sink.publish(new Event.OutputLine(at, id, i == lines ? OutputListener.Stream.STDERR
                    : OutputListener.Stream.STDOUT, id + " line " + i));
        }
        // A failure carries its code, cause and remedy, as the core's runner sends it.
        StepFailure failure = outcome == Outcome.FAILED ? new StepFailure(ProblemCode.DRBD_PEER_NOT_CONNECTED,
                "the peer did not connect within 300 s", "check the replication link") : null;
        sink.publish(new Event.StepFinished(at, id, outcome, id.name() + " " + outcome, Duration.ofMillis(1500),
                failure));
    }
}
