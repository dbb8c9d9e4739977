package org.hainstall.icons;

import java.util.List;

/** The application icon's PNG sizes in this module's resources; windows and desktop entries take them from here. */
public final class AppIcons {
    /** Every size rendered from {@code hainstall.svg}, smallest first. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private AppIcons() {
    }

    /** The class-path resource of the icon of {@code size} pixels, e.g. {@code /org/hainstall/icons/hainstall-48.png}. */
    public static String png(int size) {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("no " + size + " px icon; sizes: " + SIZES);
        }
        return "/org/hainstall/icons/hainstall-" + size + ".png";
    }
}
