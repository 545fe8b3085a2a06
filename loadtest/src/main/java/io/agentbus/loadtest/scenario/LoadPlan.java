package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.adapter.SessionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The connections of a run and who hears whom. Rooms, client ids and subjects carry a run tag,
 * so a run never meets the rooms or durable inboxes of an earlier one.
 */
public final class LoadPlan {
    private final List<MemberPlan> members;
    private final int[] audience;

    private LoadPlan(List<MemberPlan> members, int[] audience) {
        this.members = List.copyOf(members);
        this.audience = audience;
    }

    /**
     * Everyone in one room; the first {@code publishers} connections also publish, and every
     * message is heard by all {@code connections} (the publisher too: echo is on).
     */
    public static LoadPlan fanout(String tag, int connections, int publishers) {
        String room = tag + "-fanout";
        List<MemberPlan> members = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            members.add(new MemberPlan(i, SessionSpec.inRoom(clientId(tag, i), room), i < publishers ? i : -1,
                    0, 1, publishers));
        }
        int[] audience = new int[publishers];
        Arrays.fill(audience, connections);
        return new LoadPlan(members, audience);
    }

    /** Connection {@code i} in room {@code i % rooms}; everyone publishes; a message is heard by its room. */
    public static LoadPlan rooms(String tag, int connections, int rooms) {
        return roomsOf(tag, connections, rooms, true);
    }

    /** Like {@link #rooms}, but nobody publishes: the connect storm. */
    public static LoadPlan idleRooms(String tag, int connections, int rooms) {
        return roomsOf(tag, connections, rooms, false);
    }

    /** Pairs (0,1), (2,3), …: each sends direct messages to its partner ({@code connections} must be even). */
    public static LoadPlan directPairs(String tag, int connections) {
        List<MemberPlan> members = new ArrayList<>();
        int[] audience = new int[connections];
        for (int i = 0; i < connections; i++) {
            int partner = i ^ 1;
            members.add(new MemberPlan(i, SessionSpec.direct(clientId(tag, i), clientId(tag, partner)), i,
                    partner, 1, 1));
            audience[i] = 1;
        }
        return new LoadPlan(members, audience);
    }

    private static LoadPlan roomsOf(String tag, int connections, int rooms, boolean publishing) {
        List<MemberPlan> members = new ArrayList<>();
        int[] audience = new int[publishing ? connections : 0];
        for (int i = 0; i < connections; i++) {
            int room = i % rooms;
            int roomSize = connections / rooms + (room < connections % rooms ? 1 : 0);
            members.add(new MemberPlan(i, SessionSpec.inRoom(clientId(tag, i), tag + "-r" + room),
                    publishing ? i : -1, room, rooms, publishing ? roomSize : 0));
            if (publishing) {
                audience[i] = roomSize;
            }
        }
        return new LoadPlan(members, audience);
    }

    private static String clientId(String tag, int index) {
        return tag + "-" + index;
    }

    public List<MemberPlan> members() {
        return members;
    }

    public int connections() {
        return members.size();
    }

    public int publishers() {
        return audience.length;
    }

    /** How many connections hear each message of publisher {@code publisherIndex}. */
    public int audience(int publisherIndex) {
        return audience[publisherIndex];
    }
}
