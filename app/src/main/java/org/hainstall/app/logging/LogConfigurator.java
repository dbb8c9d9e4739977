package org.hainstall.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * How hainstall logs, set in code (Logback finds this class through {@code META-INF/services}; no XML is read):
 * <ul>
 *   <li>every logger, hainstall's and the libraries' (sshj, libvirt, Jackson, Guice, JavaFX through
 *       java.util.logging), goes to the application log {@link LogSettings#applicationLog()} (0600), and during a
 *       run also to the run's own copy ({@link RunLog});</li>
 *   <li>the terminal gets hainstall's own log lines only ({@code org.hainstall}, INFO and above, message only),
 *       so a library's error and stack trace never stand before hainstall's own sentence;</li>
 *   <li>with {@code HAINSTALL_LOG=LEVEL}, every logger at that level also goes to the terminal in full, for
 *       support.</li>
 * </ul>
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger: %msg%n";
    static final String OWN_LOGGERS = "org.hainstall";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        configure(context, LogSettings.from(System.getenv(), System.getProperty("user.home")));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void configure(LoggerContext context, LogSettings settings) {
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(settings.floor());
        Logger own = context.getLogger(OWN_LOGGERS);
        // hainstall's own details (a connection failure's cause) are DEBUG: in the file, not on the terminal.
        own.setLevel(settings.floor().isGreaterOrEqual(Level.DEBUG) ? Level.DEBUG : settings.floor());

        String fileProblem = null;
        try {
            root.addAppender(file(context, "application",
                    PrivateLogFile.prepare(settings.applicationLog(), true)));
        } catch (IOException | RuntimeException e) {
            fileProblem = e.toString();
        }
        if (settings.supportLevel() == null) {
            own.addAppender(terminal(context, new TerminalLayout(), Level.INFO));
        } else {
            root.addAppender(terminal(context, fullLayout(context), settings.supportLevel()));
        }

        // java.util.logging (JavaFX, Guice): into the same loggers, not to its own console handler.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();

        org.slf4j.Logger log = context.getLogger(LogConfigurator.class);
        if (fileProblem != null) {
            log.warn("cannot write the application log {} ({}); library messages are not kept",
                    settings.applicationLog(), fileProblem);
        }
        log.debug("hainstall {} started, pid {}", version(), ProcessHandle.current().pid());
    }

    /** A file appender for a log that {@link PrivateLogFile} has prepared. */
    static FileAppender<ILoggingEvent> file(LoggerContext context, String name, Path file) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(FILE_PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static ConsoleAppender<ILoggingEvent> terminal(LoggerContext context,
                                                           ch.qos.logback.core.Layout<ILoggingEvent> layout,
                                                           Level threshold) {
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(threshold.levelStr);
        filter.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("terminal");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.addFilter(filter);
        appender.start();
        return appender;
    }

    private static ch.qos.logback.classic.PatternLayout fullLayout(LoggerContext context) {
        ch.qos.logback.classic.PatternLayout layout = new ch.qos.logback.classic.PatternLayout();
        layout.setContext(context);
        layout.setPattern(FILE_PATTERN);
        return layout;
    }

    private static String version() {
        String v = LogConfigurator.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
