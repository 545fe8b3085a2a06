/**
 * The journal: every change of state is a {@link io.agentbus.server.journal.JournalRecord}
 * appended to Chronicle Queue by the sequencer before the change is applied or acknowledged.
 * Acknowledged means appended. Room messages are stored as their encoded {@code msg} frame, so
 * history and replay send the journaled bytes without encoding again.
 * {@link io.agentbus.server.journal.JournalReader} reads a journal read-only, entry by entry, for
 * the journal tools (package {@code tool}), also while a daemon appends to it.
 */
package io.agentbus.server.journal;
