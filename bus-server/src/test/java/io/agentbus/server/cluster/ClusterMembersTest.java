package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agentbus.protocol.frame.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterMembersTest {
    @Test
    void shouldListMembersOfEveryNodeInJoinOrderAndWeighEachClientOnce() {
        ClusterMembers m = new ClusterMembers();
        m.join("team", "a/s-1", new ClusterMembers.Entry("alice", "lead", 3));
        m.join("team", "b/s-1", new ClusterMembers.Entry("bob", "coder", 1));
        m.join("team", "b/s-2", new ClusterMembers.Entry("alice", "lead", 5));
        m.join("other", "c/s-9", new ClusterMembers.Entry("carol", "tester", 1));

        assertEquals(List.of(new Member("alice", "lead"), new Member("bob", "coder"), new Member("alice", "lead")),
                m.list("team"));
        assertEquals(Map.of("alice", 3, "bob", 1), m.weights("team"));
        assertEquals(Set.of("a", "b", "c"), m.nodes());
        assertEquals(List.of("team"), m.roomsOf("b"));

        assertEquals(new ClusterMembers.Entry("bob", "coder", 1), m.leave("team", "b/s-1"));
        assertNull(m.leave("team", "b/s-1"), "a second leave is nothing");
        assertEquals(List.of(), m.list("nowhere"));
    }

    @Test
    void shouldListAndWeighMembersInTheOrderOfTheirJoinsWhateverOrderTheyCameIn() {
        ClusterMembers live = new ClusterMembers();
        live.join("team", "a/s-1", new ClusterMembers.Entry("alice", "lead", 3, 100));
        live.join("team", "b/s-1", new ClusterMembers.Entry("bob", "coder", 1, 200));
        live.join("team", "b/s-2", new ClusterMembers.Entry("alice", "lead", 5, 300));
        Map<String, ClusterMembers.Entry> snapshot = new LinkedHashMap<>(); // a hash's order
        snapshot.put("b/s-2", new ClusterMembers.Entry("alice", "lead", 5, 300));
        snapshot.put("b/s-1", new ClusterMembers.Entry("bob", "coder", 1, 200));
        snapshot.put("a/s-1", new ClusterMembers.Entry("alice", "lead", 3, 100));
        ClusterMembers loaded = new ClusterMembers();
        loaded.replace("team", snapshot);

        List<Member> inJoinOrder = List.of(new Member("alice", "lead"), new Member("bob", "coder"),
                new Member("alice", "lead"));
        assertEquals(inJoinOrder, live.list("team"));
        assertEquals(live.list("team"), loaded.list("team"));
        assertEquals(Map.of("alice", 3, "bob", 1), loaded.weights("team"), "alice's first membership's weight");
        assertEquals(live.weights("team"), loaded.weights("team"));
    }
}
