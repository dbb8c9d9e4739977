package org.hainstall.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The run's own copy of the application log: while a {@code create} or {@code modify} runs, everything logged
 * (hainstall's details and the libraries' messages) also goes to {@code hainstall.log} in the run's folder (0600),
 * beside its events and node logs.
 */
public final class RunLog {
    /** The name of the copy in a run's folder. */
    public static final String FILE_NAME = LogSettings.FILE_NAME;

    private final LoggerContext context;

    private RunLog(LoggerContext context) {
        this.context = context;
    }

    /** The log of this process: Logback's, or none when another backend is bound (then copies are empty). */
    public static RunLog ofThisProcess() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return new RunLog(factory instanceof LoggerContext c ? c : null);
    }

    /** Starts copying into {@code runFolder/hainstall.log}; closing the result stops it. */
    public AutoCloseable copyInto(Path runFolder) {
        if (context == null) {
            return () -> { };
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        FileAppender<ILoggingEvent> appender;
        try {
            appender = LogConfigurator.file(context, "run " + runFolder.getFileName(),
                    PrivateLogFile.prepare(runFolder.resolve(FILE_NAME), false));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(RunLog.class).debug("no copy of the log in {}: {}", runFolder, e.toString());
            return () -> { };
        }
        root.addAppender(appender);
        return () -> {
            root.detachAppender(appender);
            appender.stop();
        };
    }
}
