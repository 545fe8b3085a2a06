/**
 * {@code agentbus status}: the command that asks a running daemon how it is, over HTTP
 * ({@code /health} and {@code /metrics}), and prints a short summary for people and scripts.
 */
package io.agentbus.server.status;
