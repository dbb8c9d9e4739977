package org.hainstall.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupFiguresTest {
    @TempDir
    Path dir;

    private Path report(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void givesMinMedianAndMaxOfEachFigure() throws IOException {
        StartupFigures f = new StartupFigures();
        f.add(report("1", "startToWindowMillis=2400\nheapUsedBytes=30000000\n"));
        f.add(report("2", "startToWindowMillis=1800\nheapUsedBytes=31000000\n"));
        f.add(report("3", "startToWindowMillis=3100\nheapUsedBytes=29000000\n"));
        f.add(report("4", "startToWindowMillis=2000\nheapUsedBytes=35000000\n"));

        assertThat(f.startToWindowMillis()).isEqualTo(new StartupFigures.Spread(1800, 2000, 3100));
        assertThat(f.heapUsedBytes()).isEqualTo(new StartupFigures.Spread(29_000_000, 30_000_000, 35_000_000));
    }

    @Test
    void aReportWithoutAFigureIsAClearError() throws IOException {
        Path bad = report("bad", "startToWindowMillis=12\n");

        assertThatThrownBy(() -> new StartupFigures().add(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("heapUsedBytes is missing");
    }
}
