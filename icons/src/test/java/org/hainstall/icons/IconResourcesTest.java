package org.hainstall.icons;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IconResourcesTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512})
    void everyIconSizeIsASquarePngOfThatSize(int size) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/org/hainstall/icons/hainstall-" + size + ".png")) {
            assertThat(in).as("icon %d", size).isNotNull();
            BufferedImage image = ImageIO.read(in);
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
        }
    }

    @org.junit.jupiter.api.Test
    void everyListedSizeIsAResourceAndAnUnlistedOneIsRefused() {
        for (int size : AppIcons.SIZES) {
            assertThat(getClass().getResource(AppIcons.png(size))).as("icon %d", size).isNotNull();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AppIcons.png(20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hainstall.svg"})
    void theSvgSourceShipsBesideThePngs(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/org/hainstall/icons/" + name)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("<svg");
        }
    }
}
