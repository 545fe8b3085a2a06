/**
 * The server's memory, read before and after the connect storm to give memory per connection.
 *
 * <p>Two sources, each optional: the resident set size of a server process named by PID
 * ({@code VmRSS} in {@code /proc/PID/status}; when the process is a JVM, {@code jcmd PID GC.run}
 * first, so the heap holds live objects only), and agentbus's {@code GET /health}, whose
 * {@code memory} object gives heap in use and Netty's pooled direct memory. A source that cannot
 * be read is reported as such, never guessed.
 */
package io.agentbus.loadtest.memory;
