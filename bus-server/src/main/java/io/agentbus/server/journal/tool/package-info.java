/**
 * The journal tools, {@code agentbus journal dump} and {@code agentbus journal verify}: they read
 * a journal through {@link io.agentbus.server.journal.JournalReader}, read-only and one entry at
 * a time, so they work on a running daemon's journal as well as a stopped one's, never write or
 * create anything, and use the same memory for a journal of any size.
 * {@link io.agentbus.server.journal.tool.JournalVerifier} knows what a journal written by the
 * daemon looks like: each room's and inbox's offsets run on by one, except where a file starts
 * with a snapshot (retention may have deleted what came before it, and unwritten direct messages
 * are carried forward with their old inbox offsets).
 */
package io.agentbus.server.journal.tool;
