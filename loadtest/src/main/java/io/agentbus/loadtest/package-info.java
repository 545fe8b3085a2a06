/**
 * The load harness behind {@code agentbus loadtest}: many WebSocket connections on a few Netty
 * event loops, open-loop publishers, and coordinated-omission corrected latency percentiles.
 *
 * <p>The path of one measured message, by package: {@code scenario} decides who connects, joins
 * and publishes at which rate; {@code payload} stamps each body with its intended send time,
 * publisher and sequence number; {@code adapter} speaks the target server's protocol (agentbus,
 * NATS over WebSocket, or a bare Netty broadcast server) over {@code transport}'s lean WebSocket
 * client;
 * {@code measure} records latency per event loop and counts loss and duplicates; {@code report}
 * prints the progress line and the table and writes the JSON summary, the interval log and the
 * plot; {@code memory} reads the server's memory for the connect storm; {@code cli} is the
 * command line.
 */
package io.agentbus.loadtest;
