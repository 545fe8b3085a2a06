package io.agentbus.server.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.agrona.collections.IntArrayList;

/**
 * {@code ack-after-sync}'s flush: {@code fdatasync} ({@link FileChannel#force}) of every journal
 * file appended to since the last flush, usually one, two across a roll. Chronicle's own
 * {@code ExcerptAppender.sync()} is not used: it syncs only the chunk being written (not an
 * earlier chunk or file the batch also wrote) and logs a failed {@code msync} instead of throwing;
 * {@code force} covers the pages written through the memory map and reports an I/O error.
 * Sequencer thread only.
 */
final class FileSync {
    private final CycleFiles files;
    private final Map<Integer, FileChannel> channels = new HashMap<>();
    private final IntArrayList unsynced = new IntArrayList();

    FileSync(CycleFiles files) {
        this.files = files;
    }

    /** An entry was appended to the file of {@code cycle}. */
    void written(int cycle) {
        if (!unsynced.containsInt(cycle)) { // one or two cycles: the scan is shorter than a set
            unsynced.addInt(cycle);
        }
    }

    boolean pending() {
        return !unsynced.isEmpty();
    }

    /** Forces every file written since the last call to disk; throws when any cannot be. */
    void force() throws IOException {
        for (int i = 0; i < unsynced.size(); i++) {
            channel(unsynced.getInt(i)).force(false);
        }
        int newest = unsynced.isEmpty() ? Integer.MIN_VALUE : unsynced.getInt(unsynced.size() - 1);
        unsynced.clear();
        closeAllBut(newest);
    }

    private FileChannel channel(int cycle) throws IOException {
        FileChannel channel = channels.get(cycle);
        if (channel == null) {
            channel = FileChannel.open(files.fileOf(cycle), StandardOpenOption.WRITE);
            channels.put(cycle, channel);
        }
        return channel;
    }

    private void closeAllBut(int keep) throws IOException {
        Iterator<Map.Entry<Integer, FileChannel>> it = channels.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, FileChannel> entry = it.next();
            if (entry.getKey() != keep) {
                entry.getValue().close();
                it.remove();
            }
        }
    }

    void close() throws IOException {
        closeAllBut(Integer.MIN_VALUE);
    }
}
