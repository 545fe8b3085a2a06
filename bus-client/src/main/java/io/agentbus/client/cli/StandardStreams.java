package io.agentbus.client.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a command reads and writes: the process's own streams, or a test's.
 *
 * @param out results: offsets, message lines, the room table
 * @param err errors, usage, and {@code tail}'s connection notices
 * @param in  the lines {@code send -} publishes
 */
record StandardStreams(PrintStream out, PrintStream err, InputStream in) {
}
