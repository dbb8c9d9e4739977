package org.hainstall.core.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigFormat;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.Example;
import org.hainstall.core.config.Problem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * How long validating the example config takes: the wizard validates on every keystroke, so it must stay far below
 * a millisecond. Also loading the example's text, for comparison. Run with {@code ./bench} (not part of the tests).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
// Long warm-up: on a shared, busy machine the JIT needs a while before the figures settle.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidationBenchmark {
    private final ConfigValidator validator = new ConfigValidator();
    private final ConfigLoader loader = new ConfigLoader();
    private ClusterConfig config;
    private String text;

    @Setup
    public void setUp() {
        config = Example.config();
        text = Example.text();
    }

    @Benchmark
    public List<Problem> validateExample() {
        return validator.validate(config);
    }

    @Benchmark
    public ClusterConfig loadExampleText() throws ConfigException {
        return loader.load(text, ConfigFormat.YAML);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ValidationBenchmark.class.getSimpleName()).build()).run();
    }
}
