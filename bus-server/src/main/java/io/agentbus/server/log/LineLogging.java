package io.agentbus.server.log;

import io.agentbus.server.config.LogFormat;
import io.agentbus.server.config.LogLevel;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.event.Level;

/**
 * Where and how every logger of the daemon writes: standard output, one line per event, as text
 * or JSON, from the configured level up. {@link #configure} is called once the config is loaded;
 * until then the defaults apply (text, info). Lines are written whole, one at a time.
 */
public final class LineLogging {
    /** Set by systemd when standard output is connected to the journal. */
    static final String JOURNAL_STREAM = "JOURNAL_STREAM";

    private static volatile LogFormat format = LogFormat.TEXT;
    private static volatile Level threshold = Level.INFO;
    private static final boolean JOURNALD = System.getenv(JOURNAL_STREAM) != null;
    private static volatile PrintStream out = System.out;

    private LineLogging() {
    }

    /** Applies the {@code log.format} and {@code log.level} settings. */
    public static void configure(LogFormat logFormat, LogLevel logLevel) {
        format = logFormat;
        threshold = Level.valueOf(logLevel.name());
    }

    /**
     * For a command-line tool whose standard output is its result ({@code journal dump}): errors
     * only (Chronicle Queue logs at INFO on every open), on standard error.
     */
    public static void forTool() {
        threshold = Level.ERROR;
        out = System.err;
    }

    /** Where the lines go: standard output, or a test's stream. */
    static void writeTo(PrintStream stream) {
        out = stream;
    }

    static boolean isEnabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    static void write(Level level, String logger, String message, Throwable error) {
        String line = LogLine.format(format, JOURNALD, Instant.now().truncatedTo(ChronoUnit.MILLIS), level, Thread.currentThread().getName(), logger,
                message, error);
        PrintStream stream = out;
        synchronized (stream) {
            stream.println(line);
            stream.flush();
        }
    }
}
