/**
 * The command-line client, {@code agentbus send|tail|history|rooms}, built on
 * {@link io.agentbus.client.AgentBusClient} and picocli: {@link io.agentbus.client.cli.Cli} is the
 * main class, each command is a class of its own, and the options every command takes (server
 * URL, client id, token, timeout, each defaulting to an {@code AGENTBUS_*} environment variable)
 * are one mixin.
 *
 * <p>Output is for both people and scripts: results on stdout (offsets, one message per line,
 * or with {@code --json} one JSON object per line), everything else on stderr as one
 * {@code agentbus: …} line, and the exit status says what happened: 0 done, 1 the server
 * refused a request, 2 no connection (or it failed before the answer), 64 a bad command line.
 *
 * <p>{@code send -} publishes without waiting for each acknowledgement, yet prints the offsets
 * in input order; when the client's bound of unacknowledged publishes is reached it waits for
 * the oldest instead of failing. {@code tail} relies on the client to reconnect and resume, so
 * it prints each offset once; a shutdown hook closes the client on SIGTERM or Ctrl-C and ends
 * the process with status 0.
 */
package io.agentbus.client.cli;
