package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.assertError;
import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster mode: decisions and votes across two in-process nodes, counted once, the same on both. */
class ClusterDecisionIT {
    @TempDir
    Path dir;

    @Test
    void shouldCountAVoteCastOnAnotherNodeOnceWithTheSameOutcomeOnBothNodes() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient alice = a.hello("alice");
             WsClient erin = a.hello("erin");
             WsClient bob = b.hello("bob");
             WsClient carol = b.hello("carol");
             WsClient dave = b.hello("dave")) {
            joinAll(alice, erin, bob, carol, dave);

            alice.send("{\"op\":\"propose\",\"rid\":\"p\",\"room\":\"team\",\"title\":\"Ship\",\"rule\":\"majority\"}");
            assertEquals("d-1", parse(alice.reply("p"), Ok.class).decision());
            vote(bob, "v1", "d-1", "yes");
            vote(carol, "v2", "d-1", "yes");
            vote(alice, "v3", "d-1", "yes");

            // the electorate is the five members of both nodes: 3 yes make a majority, 2 do not
            List<DecisionUpdate> seenOnA = updates(erin, 4);
            List<DecisionUpdate> seenOnB = updates(dave, 4);
            assertEquals(seenOnA, seenOnB);
            assertEquals(List.of(update(DecisionStatus.OPEN, 0), update(DecisionStatus.OPEN, 1),
                    update(DecisionStatus.OPEN, 2), update(DecisionStatus.APPROVED, 3)), seenOnA);

            erin.send("{\"op\":\"vote\",\"rid\":\"late\",\"room\":\"team\",\"decision\":\"d-1\",\"choice\":\"no\"}");
            assertError(erin.reply("late"), ErrorCode.BAD_REQUEST, "late", "already approved");
            bob.send("{\"op\":\"propose\",\"rid\":\"p2\",\"room\":\"team\",\"title\":\"Next\",\"rule\":\"majority\"}");
            assertEquals("d-2", parse(bob.reply("p2"), Ok.class).decision());
            assertEquals("d-2", parse(erin.await(f -> f.contains("\"op\":\"decision\"")), DecisionUpdate.class)
                    .decision());
        }
    }

    @Test
    void shouldExpireADecisionOnceAcrossTheNodes() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient alice = a.hello("alice");
             WsClient bob = b.hello("bob")) {
            joinAll(alice, bob);

            alice.send("{\"op\":\"propose\",\"rid\":\"p\",\"room\":\"team\",\"title\":\"Ship\",\"rule\":\"consensus\","
                    + "\"deadline_ms\":300}");
            parse(alice.reply("p"), Ok.class);

            for (WsClient member : List.of(alice, bob)) {
                List<DecisionUpdate> seen = updates(member, 2);
                assertEquals(DecisionStatus.OPEN, seen.get(0).status());
                assertEquals(DecisionStatus.EXPIRED, seen.get(1).status());
            }
            assertNull(alice.poll(500), "one expiry, not one per node");
            assertNull(bob.poll(100), "one expiry, not one per node");
        }
    }

    @Test
    void shouldNotCountOldVotesAgainstTodaysMembersOnANodeThatRestarts() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node("a", redis);
             TestServer b = node("b", redis);
             WsClient alice = a.hello("alice");
             WsClient bob = a.hello("bob");
             WsClient carol = a.hello("carol")) {
            joinAll(alice, bob, carol);
            alice.send("{\"op\":\"propose\",\"rid\":\"p\",\"room\":\"team\",\"title\":\"Ship\",\"rule\":\"majority\"}");
            parse(alice.reply("p"), Ok.class);
            vote(alice, "v1", "d-1", "yes"); // 1 of 3: open
            for (WsClient gone : List.of(bob, carol)) {
                gone.send("{\"op\":\"leave\",\"rid\":\"l\",\"room\":\"team\"}");
                parse(gone.reply("l"), Ok.class);
                alice.await(f -> f.contains("\"op\":\"presence\"") && f.contains("\"event\":\"left\""));
            }

            b.restart(); // b reads the log again: alice's yes, now 1 of 1, must not pass d-1 there

            try (WsClient dave = b.hello("dave")) {
                ClusterPresenceIT.join(dave, "team", "participant");
                dave.send("{\"op\":\"vote\",\"rid\":\"v2\",\"room\":\"team\",\"decision\":\"d-1\","
                        + "\"choice\":\"no\"}");
                String reply = dave.reply("v2");
                assertInstanceOf(Ok.class, parse(reply), "d-1 is still open on b: " + reply);
            }
        }
    }

    private static DecisionUpdate update(DecisionStatus status, int yes) {
        return new DecisionUpdate("team", "d-1", "Ship", DecisionRule.MAJORITY, status, yes, 0, 0);
    }

    private static void joinAll(WsClient... members) {
        for (WsClient m : members) {
            ClusterPresenceIT.join(m, "team", "participant");
        }
        for (int i = 0; i < members.length; i++) { // each sees the ones after it join
            for (int later = i + 1; later < members.length; later++) {
                parse(members[i].await(f -> f.contains("\"op\":\"presence\"")), Presence.class);
            }
        }
    }

    private static void vote(WsClient who, String rid, String decision, String choice) {
        who.send("{\"op\":\"vote\",\"rid\":\"" + rid + "\",\"room\":\"team\",\"decision\":\"" + decision
                + "\",\"choice\":\"" + choice + "\"}");
        parse(who.reply(rid), Ok.class);
    }

    private static List<DecisionUpdate> updates(WsClient member, int count) {
        List<DecisionUpdate> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seen.add(parse(member.await(f -> f.contains("\"op\":\"decision\"")), DecisionUpdate.class));
        }
        return seen;
    }

    private TestServer node(String name, RedisServer redis) throws Exception {
        return TestServer.start(dir.resolve(name), Map.of(Setting.CLUSTER_REDIS, redis.uri()));
    }
}
