package org.hainstall.app;

import static org.hainstall.ui.ScreenCapture.fx;
import static org.hainstall.ui.ScreenCapture.settle;
import static org.hainstall.ui.ScreenCapture.shoot;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.MemoryPreferences;
import org.hainstall.ui.ScreenCapture;
import org.hainstall.ui.WindowIdentity;
import org.hainstall.ui.Wizard;
import org.hainstall.ui.WizardServices;
import org.hainstall.ui.pages.RunPage;
import org.hainstall.ui.run.LogLine;
import org.hainstall.ui.run.RunItem;
import org.hainstall.ui.run.Status;

/**
 * The lab's wizard phase (lab/e2e-cluster.sh, {@code e2e_wizard_modify}): the real wizard, wired as {@code hainstall
 * gui} wires it (real SSH, the secrets beside the config), under Xvfb inside the lab's network namespace, opens the
 * lab's config, takes one picture per page, starts {@code modify} from the run page, confirms the start dialog as an
 * admin would, and checks what the window shows when the run ends: every row green, 0 changes, and the nodes' own log
 * lines. The pictures are the README's and docs/screenshots' real ones.
 *
 * <p>Arguments: the config file, the output folder for the pictures, optionally width and height (1100 × 760).
 * Exit 0 when every check held, 1 otherwise (the reason on stderr).
 */
public final class LabWizardRun {
    private LabWizardRun() {
    }

    public static void main(String[] args) {
        ScreenCapture.runAndExit(() -> run(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]),
                args.length > 3 ? Integer.parseInt(args[2]) : 1100, args.length > 3 ? Integer.parseInt(args[3]) : 760));
    }

    private static void run(Path config, Path out, int width, int height) throws Exception {
        Files.createDirectories(out);
        Injector injector = Guice.createInjector(new AppModule());
        WizardServices wired = injector.getInstance(WizardServices.class);
        // The wired services as they are, but preferences kept in memory (the lab's root has no desktop settings
        // worth changing) and no file manager to open.
        WizardServices services = new WizardServices(wired.files(), wired.validator(), wired.workflows(),
                wired.reconstruction(), wired.cloning(), wired.dialogs(), new MemoryPreferences(), folder -> { }, wired.random(),
                wired.clock(), wired.io(), wired.about());
        Platform.startup(WindowIdentity::nameApplication);
        Wizard wizard = fx(() -> {
            Wizard w = new Wizard(services);
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            w.show(stage, Optional.empty());
            stage.setWidth(width);
            stage.setHeight(height);
            return w;
        });
        fx(() -> wizard.openFile(config)).get(30, TimeUnit.SECONDS);
        ScreenCapture.shootConfigPages(wizard, out);

        fx(() -> {
            // As the admin does it: modify picked in the page's mode box, then Start.
            wizard.go("run");
            @SuppressWarnings("unchecked")
            ComboBox<RunMode> mode = (ComboBox<RunMode>) wizard.root().lookup("#run-mode");
            mode.setValue(RunMode.MODIFY);
            ((Button) wizard.root().lookup("#run-start")).fire();
            return null;
        });
        waitUntil("the start confirmation", 120, () -> ScreenCapture.confirmation() != null);
        settle();
        shoot(wizard, out, "10a-run-confirm");
        fx(() -> {
            ((Button) ScreenCapture.confirmation().getScene().lookup("#confirm-run-start")).fire();
            return null;
        });
        RunPage run = wizard.runPage();
        waitUntil("the run to start", 60, () -> run.runningProperty().get() || run.finishedProperty().get());
        settle();
        shoot(wizard, out, "10b-run-modify-running");
        waitUntil("the run to end", 600, () -> run.finishedProperty().get());
        settle();
        shoot(wizard, out, "10-run");

        List<String> wrong = fx(() -> check(run));
        fx(() -> {
            wizard.go("finish");
            return null;
        });
        settle();
        shoot(wizard, out, "11-finish");
        System.out.println("run page: " + fx(run::statusText));
        System.out.println("finish: " + fx(run::resultText));
        if (!wrong.isEmpty()) {
            throw new AssertionError("the wizard's modify of the lab's cluster: " + String.join("; ", wrong));
        }
        System.out.println("wizard modify: every row green, 0 changed, log lines from "
                + String.join(" and ", nodes(run)));
    }

    /** What the window shows at the end, against what a no-change modify of a healthy cluster must show. */
    private static List<String> check(RunPage run) {
        List<String> wrong = new ArrayList<>();
        RunItem root = run.runTree().root().getValue();
        if (root.status() != Status.OK) {
            wrong.add("the run's row is " + root.status() + ", not OK: " + run.resultText());
        }
        if (root.changed() != 0) {
            wrong.add(root.changed() + " step(s) changed something");
        }
        rows(run.runTree().root(), wrong);
        for (String node : nodes(run)) {
            boolean hasLines = run.log().shown().stream().map(LogLine::step)
                    .anyMatch(s -> s != null && node.equals(s.node()));
            if (!hasLines) {
                wrong.add("no log line from " + node);
            }
        }
        return wrong;
    }

    private static void rows(TreeItem<RunItem> item, List<String> wrong) {
        Status s = item.getValue().status();
        if (s != Status.OK) {
            wrong.add(item.getValue().label() + " is " + s);
        }
        item.getChildren().forEach(child -> rows(child, wrong));
    }

    private static List<String> nodes(RunPage run) {
        return run.runTree().root().getChildren().stream().map(TreeItem::getValue)
                .filter(i -> i.kind() == RunItem.Kind.NODE).map(RunItem::node).toList();
    }


    private static void waitUntil(String what, int seconds, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            Thread.sleep(250);
        }
    }
}
