package org.hainstall.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * hainstall's own log lines on the terminal, worded as its progress lines are ({@code note: …}, {@code warning: …}):
 * the message only. The logger, the thread and any stack trace are for the log file.
 */
final class TerminalLayout extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
        return prefix(event.getLevel()) + event.getFormattedMessage() + System.lineSeparator();
    }

    private static String prefix(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return "error: ";
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return "warning: ";
        }
        return level.isGreaterOrEqual(Level.INFO) ? "note: " : "debug: ";
    }
}
