package io.agentbus.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.cluster.RoomEvent.Joined;
import io.agentbus.server.cluster.RoomEvent.Left;
import io.agentbus.server.room.Membership;
import io.agentbus.server.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RosterRepairTest {
    private static Membership member(String session) {
        return new Membership(new Session(session, null, null, null, null), "coder", 2, true);
    }

    @Test
    void shouldLeaveGoneSessionsAndJoinMembersMissingFromTheRosterButNotThoseJoiningAlready() {
        Map<String, ClusterMembers.Entry> roster = new LinkedHashMap<>();
        roster.put("a/s-1", new ClusterMembers.Entry("alice", "lead", 1));
        roster.put("a/s-gone", new ClusterMembers.Entry("gone", "coder", 3));
        roster.put("b/s-9", new ClusterMembers.Entry("bob", "coder", 1)); // another node's: not ours to fix

        RosterRepair.Repairs repairs = RosterRepair.of("a", List.of(member("s-1"), member("s-missing"),
                member("s-joining")), roster, Set.of("a/s-joining"));

        assertEquals(List.of(new Left("a/s-gone", "gone", "coder", 3)), repairs.leaves());
        assertEquals(List.of(new Joined("a", 0, "s-missing", null, "coder", 2)), repairs.joins());
    }

    @Test
    void shouldCheckARoomOfFiftyThousandLocalMembersInLinearTime() {
        int n = 50_000;
        List<Membership> local = new ArrayList<>(n);
        Map<String, ClusterMembers.Entry> roster = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            local.add(member("s-" + i));
            roster.put("a/s-" + i, new ClusterMembers.Entry("c-" + i, "coder", 2));
        }
        // a scan of the members per roster entry is 1.25 * 10^9 comparisons: many seconds, not milliseconds
        RosterRepair.Repairs repairs = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> RosterRepair.of("a", local, roster, Set.of()));

        assertTrue(repairs.leaves().isEmpty() && repairs.joins().isEmpty(), repairs.toString());
    }
}
