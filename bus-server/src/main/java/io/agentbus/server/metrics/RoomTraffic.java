package io.agentbus.server.metrics;

import io.agentbus.server.room.Room;
import io.agentbus.server.sequencer.BusState;

/**
 * The message counts of every room written by clients, copied on the sequencer thread (which owns
 * them) into arrays the reporter thread reads afterwards. System rooms are left out.
 *
 * @param size how many entries of the arrays are rooms
 */
record RoomTraffic(int size, String[] ids, long[] in, long[] out, int[] members) {
    static final RoomTraffic NONE = new RoomTraffic(0, new String[0], new long[0], new long[0], new int[0]);

    /** Sequencer thread only. */
    static RoomTraffic of(BusState state) {
        int capacity = state.roomCount();
        String[] ids = new String[capacity];
        long[] in = new long[capacity];
        long[] out = new long[capacity];
        int[] members = new int[capacity];
        int size = 0;
        for (Room room : state.rooms()) {
            if (room.isSystem()) {
                continue;
            }
            ids[size] = room.id();
            in[size] = room.messagesIn();
            out[size] = room.messagesOut();
            members[size] = room.members().size();
            size++;
        }
        return new RoomTraffic(size, ids, in, out, members);
    }

    long totalIn() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += in[i];
        }
        return sum;
    }

    long totalOut() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += out[i];
        }
        return sum;
    }
}
