package org.hainstall.ui.run;

import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.hainstall.core.plan.RunMode;

/** The choice between core's run modes, shown by the words the admin also types on the command line. */
public final class RunModeChoice {
    private RunModeChoice() {
    }

    /** Fills {@code box} with every mode, {@code create} first and chosen. */
    public static void fill(ComboBox<RunMode> box) {
        box.getItems().setAll(RunMode.values());
        box.setValue(RunMode.CREATE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunMode mode) {
                return mode == null ? "" : mode.word();
            }

            @Override
            public RunMode fromString(String word) {
                return RunMode.valueOf(word.strip().toUpperCase(Locale.ROOT));
            }
        });
    }
}
