package io.agentbus.orchestrator.worker.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream line by line (UTF-8; {@code \n}, {@code \r\n}) until its end, handing each line
 * to a sink. A line longer than the bound is cut there (the rest of it is dropped), so an agent
 * printing without line breaks cannot exhaust the worker's memory. An exception from the sink
 * is reported to the handler and reading goes on.
 */
final class LineReader implements Runnable {
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    private final InputStream in;
    private final LineSink sink;
    private final int maxLineChars;

    LineReader(InputStream in, LineSink sink, int maxLineChars) {
        this.in = in;
        this.sink = sink;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public void run() {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            read(reader);
        } catch (IOException e) {
            deliver("[agentbus: output stream ended: " + e.getMessage() + "]");
        }
    }

    private void read(Reader reader) throws IOException {
        char[] buffer = new char[8192];
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        int n;
        while ((n = reader.read(buffer)) >= 0) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    deliver(end(line));
                    cut = false;
                } else if (line.length() < maxLineChars) {
                    line.append(c);
                } else if (!cut) {
                    cut = true;
                }
            }
        }
        if (line.length() > 0) {
            deliver(end(line));
        }
    }

    private static String end(StringBuilder line) {
        int length = line.length();
        String text = length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
        line.setLength(0);
        return text;
    }

    private void deliver(String line) {
        try {
            sink.line(line);
        } catch (RuntimeException e) {
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        }
    }
}
