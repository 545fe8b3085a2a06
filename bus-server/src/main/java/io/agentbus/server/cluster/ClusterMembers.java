package io.agentbus.server.cluster;

import io.agentbus.protocol.frame.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The members of every room across the cluster, as the rooms' logs say: built only from applied
 * {@code join} and {@code leave} events (and a node's snapshot when it starts), so every node
 * holds the same. A member's key is {@code NODE/SESSION}. Sequencer thread only.
 */
final class ClusterMembers {
    private final Map<String, Map<String, Entry>> rooms = new HashMap<>();

    /** A member: its client id, role and vote weight, and its join's order ({@link RoomEvent.Joined}). */
    record Entry(String client, String role, int weight, long order) {
        Entry(String client, String role, int weight) {
            this(client, role, weight, 0);
        }
    }

    /** Members by their join's order, then by key: the same on every node, whether it applied the joins or loaded a snapshot. */
    private static final Comparator<Map.Entry<String, Entry>> JOIN_ORDER = Comparator
            .<Map.Entry<String, Entry>>comparingLong(m -> m.getValue().order()).thenComparing(Map.Entry::getKey);

    /** Adds or replaces a member; returns whether it is new. */
    boolean join(String room, String key, Entry entry) {
        return rooms.computeIfAbsent(room, r -> new LinkedHashMap<>()).put(key, entry) == null;
    }

    /** Removes a member; returns it, or {@code null} when it was not one. */
    Entry leave(String room, String key) {
        Map<String, Entry> members = rooms.get(room);
        return members == null ? null : members.remove(key);
    }

    /** Replaces a room's members with a snapshot. */
    void replace(String room, Map<String, Entry> members) {
        rooms.put(room, new LinkedHashMap<>(members));
    }

    /** The room's members by key, in join order; empty for a room without any. */
    Map<String, Entry> members(String room) {
        Map<String, Entry> members = rooms.get(room);
        return members == null ? Collections.emptyMap() : members;
    }

    /** The room's members as a join's {@code ok} lists them: one per membership, in join order. */
    List<Member> list(String room) {
        List<Member> list = new ArrayList<>();
        for (Map.Entry<String, Entry> m : inJoinOrder(room)) {
            list.add(new Member(m.getValue().client(), m.getValue().role()));
        }
        return list;
    }

    /**
     * Each member client's vote weight (its first membership's in join order, so the same on every
     * node), the electorate of the room's decisions.
     */
    Map<String, Integer> weights(String room) {
        Map<String, Integer> weights = new HashMap<>();
        for (Map.Entry<String, Entry> m : inJoinOrder(room)) {
            weights.putIfAbsent(m.getValue().client(), m.getValue().weight());
        }
        return weights;
    }

    private List<Map.Entry<String, Entry>> inJoinOrder(String room) {
        List<Map.Entry<String, Entry>> sorted = new ArrayList<>(members(room).entrySet());
        sorted.sort(JOIN_ORDER);
        return sorted;
    }

    /** The nodes with a member in any room. */
    Set<String> nodes() {
        Set<String> nodes = new TreeSet<>();
        for (Map<String, Entry> members : rooms.values()) {
            for (String key : members.keySet()) {
                nodes.add(node(key));
            }
        }
        return nodes;
    }

    /** The rooms in which {@code node} has a member. */
    List<String> roomsOf(String node) {
        List<String> found = new ArrayList<>();
        String prefix = node + "/";
        for (Map.Entry<String, Map<String, Entry>> room : rooms.entrySet()) {
            for (String key : room.getValue().keySet()) {
                if (key.startsWith(prefix)) {
                    found.add(room.getKey());
                    break;
                }
            }
        }
        return found;
    }

    static String node(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    static String session(String key) {
        return key.substring(key.indexOf('/') + 1);
    }
}
