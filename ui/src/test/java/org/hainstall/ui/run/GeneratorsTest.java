package org.hainstall.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.hainstall.ui.pages.Generators;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    private final Generators generate = new Generators(new SplittableRandom(1));

    @Test
    void macsAreLocallyAdministeredUnicastAndNeverRepeatOneTaken() {
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String mac = generate.mac(taken);
            int first = Integer.parseInt(mac.substring(0, 2), 16);
            assertThat(first & 0x03).isEqualTo(0x02);
            assertThat(taken.add(mac)).isTrue();
        }
    }

    @Test
    void portsAvoidTheOnesTaken() {
        assertThat(generate.nextPort(7789, Set.of(7789, 7790))).isEqualTo(7791);
        Set<Integer> taken = new HashSet<>();
        for (int p = 6900; p < 6999; p++) {
            taken.add(p);
        }
        assertThat(generate.port(6900, 6999, taken)).isEqualTo(6999);
    }
}
