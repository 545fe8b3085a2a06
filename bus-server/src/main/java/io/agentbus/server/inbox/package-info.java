/**
 * Direct messages: each client's durable {@link io.agentbus.server.inbox.Inbox}, journaled like
 * room messages, delivered at once to a recipient that is connected and on its next
 * {@code hello} otherwise. Runs on the sequencer thread.
 */
package io.agentbus.server.inbox;
