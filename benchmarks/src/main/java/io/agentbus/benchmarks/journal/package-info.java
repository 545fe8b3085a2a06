/**
 * The journal: the sequencer's append of a typical room message into Chronicle Queue, alone
 * ({@code ack-after-append}, the server's durability today) and followed by a sync of the store
 * file to disk ({@code ack-after-sync}), per message and once per batch of appends (group
 * commit).
 *
 * <p>The server's {@code Journal} has no sync yet and keeps its Chronicle appender to itself, so
 * the sync here is {@code fdatasync} of the current cycle file
 * ({@link java.nio.channels.FileChannel#force}), which on Linux writes back every page of the
 * memory-mapped file dirtied since the last sync. Chronicle's own way, the one the server would
 * take for {@code ack-after-sync}, is {@code ExcerptAppender.sync()} on a queue built with
 * {@code syncMode(SyncMode.SYNC)}: an {@code msync(MS_SYNC)} of the records written since its
 * last sync, which costs the same order.
 *
 * <p>Both run single shots of a fixed number of messages per iteration, so the disk gets a bounded
 * amount per iteration however fast it is. {@link io.agentbus.benchmarks.journal.JournalDisk}
 * checks the file system of the journal's parent directory: the sync benchmark refuses a tmpfs or
 * ramfs (a sync there is free), the append benchmark warns.
 */
package io.agentbus.benchmarks.journal;
