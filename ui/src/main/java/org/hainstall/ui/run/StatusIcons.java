package org.hainstall.ui.run;

import java.time.Duration;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The icon and colour of each status, and how durations read. */
public final class StatusIcons {
    private StatusIcons() {
    }

    public static FontIcon icon(Status status) {
        FontIcon icon = switch (status) {
            case PENDING -> colored(MaterialDesignC.CIRCLE_OUTLINE, Color.GRAY);
            case RUNNING -> colored(MaterialDesignP.PROGRESS_CLOCK, Color.DODGERBLUE);
            case OK -> colored(MaterialDesignC.CHECK_CIRCLE, Color.SEAGREEN);
            case CHANGED -> colored(MaterialDesignC.CIRCLE_EDIT_OUTLINE, Color.DARKORANGE);
            case FAILED -> colored(MaterialDesignC.CLOSE_CIRCLE, Color.CRIMSON);
            case SKIPPED -> colored(MaterialDesignS.SKIP_NEXT_CIRCLE_OUTLINE, Color.GRAY);
            case UNKNOWN -> colored(MaterialDesignH.HELP_CIRCLE_OUTLINE, Color.MEDIUMPURPLE);
        };
        icon.getStyleClass().add("status-" + status.name().toLowerCase(java.util.Locale.ROOT));
        return icon;
    }

    public static FontIcon prompt() {
        return colored(MaterialDesignA.ALERT_CIRCLE, Color.DARKGOLDENROD);
    }

    private static FontIcon colored(org.kordamp.ikonli.Ikon ikon, Color color) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(16);
        icon.setIconColor(color);
        return icon;
    }

    public static String format(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        return s < 60 ? s + " s" : String.format("%d m %02d s", s / 60, s % 60);
    }
}
