package io.agentbus.server.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One named SLF4J logger of the daemon; writes through {@link LineLogging}. */
final class LineLogger extends LegacyAbstractLogger {
    LineLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return LineLogging.isEnabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return LineLogging.isEnabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return LineLogging.isEnabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return LineLogging.isEnabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return LineLogging.isEnabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable error) {
        LineLogging.write(level, name, MessageFormatter.basicArrayFormat(pattern, arguments), error);
    }
}
