/**
 * JMH benchmarks of the path of one message, one package per stage it measures:
 * {@code codec} (decode a {@code pub}, encode a {@code msg}), {@code delivery} (the per-connection
 * priority lanes against the JDK's blocking queues), {@code journal} (append, and append then
 * sync), {@code sequencer} (publish into a 500-member room, in process, until every member's
 * queue has been drained); and {@code bare}, a Netty WebSocket broadcast server with nothing of
 * agentbus in it, the transport's ceiling the load harness compares the daemon with.
 *
 * <p>Everything builds into {@code target/benchmarks.jar} (main class {@code org.openjdk.jmh.Main});
 * the forks need the JVM flags of the root {@code jvm.options}, passed as a java {@code @argfile}
 * with {@code -jvmArgsPrepend}. README.md in this module has the command lines and what each
 * figure means.
 */
package io.agentbus.benchmarks;
