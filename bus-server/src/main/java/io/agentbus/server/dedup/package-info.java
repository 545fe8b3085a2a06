/**
 * De-duplication of client message ids. A client that resends a {@code pub} or {@code send}
 * after a reconnect (at-least-once) gives it the same {@code id}; the sequencer looks the id up
 * in {@link io.agentbus.server.dedup.RecentIds} and answers the original's offset instead of
 * publishing it again, which makes the resend exactly-once.
 *
 * <p>The window is derived state, not journaled: live, the publish and send handlers remember
 * what they sequence (they know sender and id without parsing anything); on start,
 * {@link io.agentbus.server.dedup.RecentIdsReplay} rebuilds it from the journal's message
 * records, parsing only the frames young enough to still be in the window. Everything here runs
 * on the sequencer thread.
 */
package io.agentbus.server.dedup;
