package io.agentbus.server.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agentbus.server.config.LogFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.slf4j.event.Level;

/**
 * One event as one line, never more: line breaks inside a message or a stack trace are written
 * as {@code \n}, so a log collector (journald, a file, a pipe) sees one record per event. Under
 * systemd, whose journal stamps each line itself, a text line starts with the kernel-style
 * priority {@code <N>} that journald reads as the event's priority, instead of a timestamp.
 */
final class LogLine {
    private static final JsonFactory JSON = new JsonFactory();

    private LogLine() {
    }

    static String format(LogFormat format, boolean journald, Instant ts, Level level, String thread, String logger,
                         String message, Throwable error) {
        return format == LogFormat.JSON ? json(ts, level, thread, logger, message, error)
                : text(journald, ts, level, thread, logger, message, error);
    }

    private static String text(boolean journald, Instant ts, Level level, String thread, String logger,
                               String message, Throwable error) {
        StringBuilder line = new StringBuilder(128);
        if (journald) {
            line.append('<').append(syslogPriority(level)).append('>');
        } else {
            line.append(ts).append(' ');
        }
        line.append(String.format("%-5s", level)).append(" [").append(thread).append("] ").append(logger)
                .append(" - ").append(oneLine(message));
        if (error != null) {
            line.append(" | ").append(oneLine(stackTrace(error)));
        }
        return line.toString();
    }

    private static String json(Instant ts, Level level, String thread, String logger, String message,
                               Throwable error) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("ts", ts.toString());
            g.writeStringField("level", level.toString());
            g.writeStringField("thread", thread);
            g.writeStringField("logger", logger);
            g.writeStringField("msg", message);
            if (error != null) {
                g.writeStringField("error", stackTrace(error));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The priority of syslog(3): 3 error, 4 warning, 6 info, 7 debug. */
    static int syslogPriority(Level level) {
        return switch (level) {
            case ERROR -> 3;
            case WARN -> 4;
            case INFO -> 6;
            case DEBUG, TRACE -> 7;
        };
    }

    private static String oneLine(String text) {
        return text.strip().replace("\r", "").replace("\n", "\\n").replace("\t", " ");
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString().strip();
    }
}
