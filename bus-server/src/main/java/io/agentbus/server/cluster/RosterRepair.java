package io.agentbus.server.cluster;

import io.agentbus.server.cluster.RoomEvent.Joined;
import io.agentbus.server.cluster.RoomEvent.Left;
import io.agentbus.server.room.Membership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a node appends so that the cluster's roster of a room ({@link ClusterMembers}) holds
 * exactly its own members there: a {@code leave} for each of its members in the roster whose
 * session is no member here any more (it closed while Redis was away), a {@code join} for each
 * member here missing from the roster (Redis lost it, or a re-join was not appended), unless a
 * join of that member is on its way already. One pass over each list, so it is linear in the room's
 * members: it runs on the sequencer thread after every heartbeat.
 */
final class RosterRepair {
    private RosterRepair() {
    }

    /** The leaves and joins to append. */
    record Repairs(List<Left> leaves, List<Joined> joins) {
    }

    /**
     * @param node    this node's name
     * @param local   the room's members connected to this node
     * @param roster  the room's members in the cluster's roster, by key {@code NODE/SESSION}
     * @param joining keys of members of this node whose join is appended but not applied yet
     */
    static Repairs of(String node, List<Membership> local, Map<String, ClusterMembers.Entry> roster,
                      Set<String> joining) {
        Map<String, Membership> here = new HashMap<>(Math.max(16, local.size() * 2));
        for (Membership m : local) {
            here.put(node + "/" + m.session().id(), m);
        }
        List<Left> leaves = new ArrayList<>();
        for (Map.Entry<String, ClusterMembers.Entry> m : roster.entrySet()) {
            String key = m.getKey();
            if (!here.containsKey(key) && ClusterMembers.node(key).equals(node)) {
                ClusterMembers.Entry e = m.getValue();
                leaves.add(new Left(key, e.client(), e.role(), e.weight()));
            }
        }
        List<Joined> joins = new ArrayList<>();
        for (Map.Entry<String, Membership> m : here.entrySet()) {
            if (!roster.containsKey(m.getKey()) && !joining.contains(m.getKey())) {
                Membership member = m.getValue();
                joins.add(new Joined(node, 0, member.session().id(), member.session().clientId(), member.role(),
                        member.weight()));
            }
        }
        return new Repairs(leaves, joins);
    }
}
