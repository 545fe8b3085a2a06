package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Ok;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full session over a real socket, driven by the JDK's WebSocket client. */
class SessionIT {
    @TempDir
    Path dir;

    @Test
    void shouldCarryAFullSession() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient alice = server.hello("alice");
             WsClient bob = server.hello("bob");
             WsClient carol = server.hello("carol")) {
            alice.send("{\"op\":\"join\",\"rid\":\"j1\",\"room\":\"build-42\",\"role\":\"coder\"}");
            assertTrue(alice.reply("j1").contains("\"offset\":0"));
            bob.send("{\"op\":\"join\",\"rid\":\"j2\",\"room\":\"build-42\",\"role\":\"reviewer\"}");
            bob.reply("j2");
            String presence = alice.await(f -> f.contains("\"op\":\"presence\""));
            assertTrue(presence.contains("\"client\":\"bob\"") && presence.contains("\"event\":\"joined\""), presence);
            carol.send("{\"op\":\"join\",\"rid\":\"j3\",\"room\":\"build-42\"}");
            carol.reply("j3");

            alice.send("{\"op\":\"pub\",\"rid\":\"p1\",\"room\":\"build-42\",\"type\":\"chat\",\"body\":{\"text\":\"hi\"}}");
            assertTrue(alice.reply("p1").contains("\"offset\":1"));
            for (WsClient receiver : new WsClient[] {bob, carol}) {
                String msg = receiver.await(f -> f.contains("\"op\":\"msg\""));
                assertTrue(msg.contains("\"from\":\"alice\"") && msg.contains("{\"text\":\"hi\"}"), msg);
            }

            bob.send("{\"op\":\"history\",\"rid\":\"h1\",\"room\":\"build-42\"}");
            String history = bob.reply("h1");
            assertTrue(history.contains("\"offset\":1") && history.contains("\"more\":false"), history);

            carol.send("{\"op\":\"leave\",\"rid\":\"l1\",\"room\":\"build-42\"}");
            assertTrue(carol.reply("l1").contains("\"op\":\"ok\""));
            String left = alice.await(f -> f.contains("\"event\":\"left\""));
            assertTrue(left.contains("\"client\":\"carol\""), left);

            var rest = server.get("/api/v1/rooms/build-42/messages?since=0");
            assertEquals(200, rest.statusCode());
            assertTrue(rest.body().contains("\"text\":\"hi\""));
        }
    }

    @Test
    void shouldListEveryMemberTheJoinerIncludedInJoinOrder() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient alice = server.hello("alice");
             WsClient bob = server.hello("bob")) {
            assertEquals(List.of(new Member("alice", "lead")), ClusterPresenceIT.join(alice, "team", "lead").members());
            Ok bobJoined = ClusterPresenceIT.join(bob, "team", "coder");
            assertEquals(List.of(new Member("alice", "lead"), new Member("bob", "coder")), bobJoined.members());
            assertEquals(null, bobJoined.epoch(), "a single node sends no epoch");
        }
    }
}
