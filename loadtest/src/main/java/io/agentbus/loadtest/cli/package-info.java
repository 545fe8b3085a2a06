/**
 * {@code agentbus loadtest SCENARIO [flags]}: one picocli command per scenario (fanout, rooms, dm,
 * connect, ramp) sharing the connection, output and timing options. Bad flags exit 2 with a
 * message naming the flag; a run exits 0 when it passed and 1 when it lost, duplicated or erred.
 */
package io.agentbus.loadtest.cli;
