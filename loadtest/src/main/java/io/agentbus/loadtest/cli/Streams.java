package io.agentbus.loadtest.cli;

import java.io.PrintStream;

/**
 * Where a run writes: the process's streams, or a test's.
 *
 * @param out      the final table and the list of files written
 * @param err      the progress line, warnings and usage errors
 * @param terminal whether stderr is a terminal (then the progress line is a {@code \r}-updated bar)
 */
record Streams(PrintStream out, PrintStream err, boolean terminal) {
}
