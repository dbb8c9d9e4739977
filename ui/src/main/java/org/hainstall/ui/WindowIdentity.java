package org.hainstall.ui;

import java.io.InputStream;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.hainstall.icons.AppIcons;

/**
 * How the desktop recognises the wizard's windows: the application icon in every size the icons module has, and
 * the window class {@value #WINDOW_CLASS} (under X11 the WM_CLASS that the desktop entry's StartupWMClass names;
 * otherwise JavaFX says {@code java}, and the dock shows a second, nameless icon).
 */
public final class WindowIdentity {
    public static final String WINDOW_CLASS = "hainstall";

    private WindowIdentity() {
    }

    /**
     * Names the application for the windowing system. JavaFX takes the name from the {@code Application} subclass it
     * launches; the wizard starts with {@code Platform.startup} and has none, so it is set here, on the FX thread,
     * before the first window is made. Glass keeps the first name it is given.
     *
     * @return false when this JavaFX build does not offer it (the window then keeps JavaFX's default class)
     */
    public static boolean nameApplication() {
        try {
            com.sun.glass.ui.Application app = com.sun.glass.ui.Application.GetApplication();
            if (app == null) {
                return false;
            }
            app.setName(WINDOW_CLASS);
            return WINDOW_CLASS.equals(app.getName());
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** Puts the application icon on {@code stage}, every size, so the window manager picks the one it needs. */
    public static void decorate(Stage stage) {
        stage.getIcons().setAll(icons());
    }

    static List<Image> icons() {
        return AppIcons.SIZES.stream().filter(s -> s <= 256).map(WindowIdentity::load).toList();
    }

    private static Image load(int size) {
        try (InputStream in = AppIcons.class.getResourceAsStream(AppIcons.png(size))) {
            if (in == null) {
                throw new IllegalStateException("icon " + AppIcons.png(size) + " is not on the class path");
            }
            return new Image(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
