package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What was acknowledged before a graceful restart is all there after it: rooms, decisions, inboxes. */
class RestartIT {
    private static final int MESSAGES = 5_000;
    private static final String[] ROOMS = {"restart-a", "restart-b", "restart-c"};

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldKeepEveryRoomsHistoryAndContinueItsOffsetsAfterRestart() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            Map<String, List<String>> bodiesByRoom;
            try (WsClient writer = server.hello("writer")) {
                for (int i = 0; i < MESSAGES; i++) {
                    writer.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"" + ROOMS[i % ROOMS.length]
                            + "\",\"body\":{\"n\":" + i + ",\"text\":\"message " + i + "\"}}");
                }
                bodiesByRoom = collectAcks(writer);
            }

            server.restart();

            try (WsClient reader = server.hello("reader")) {
                for (String room : ROOMS) {
                    List<String> expected = bodiesByRoom.get(room);
                    assertEquals(expected, history(reader, room), "history of " + room);

                    reader.send("{\"op\":\"join\",\"rid\":\"j-" + room + "\",\"room\":\"" + room + "\"}");
                    assertEquals(expected.size(), ServerFrames.parse(reader.reply("j-" + room), Ok.class).offset(),
                            "last offset of " + room + " in the join reply");
                    reader.send("{\"op\":\"pub\",\"rid\":\"next-" + room + "\",\"room\":\"" + room
                            + "\",\"body\":\"after restart\"}");
                    assertEquals(expected.size() + 1,
                            ServerFrames.parse(reader.reply("next-" + room), Ok.class).offset(),
                            "the first offset after restart in " + room);
                }
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldKeepDecisionsAndTheirStatusAfterRestart() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            try (WsClient alice = server.hello("alice");
                 WsClient bob = server.hello("bob");
                 WsClient carol = server.hello("carol")) {
                for (WsClient member : new WsClient[] {alice, bob, carol}) {
                    member.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"council\"}");
                    member.reply("j");
                }
                assertEquals("d-1", propose(alice, "Use Postgres", "majority"));
                vote(alice, "d-1", "yes");
                vote(bob, "d-1", "yes");
                awaitDecision(carol, "d-1", DecisionStatus.APPROVED, 2);
                assertEquals("d-2", propose(alice, "Ship on Friday", "consensus"));
                vote(alice, "d-2", "yes");
                awaitDecision(carol, "d-2", DecisionStatus.OPEN, 1);
            }

            server.restart();

            try (WsClient alice = server.hello("alice");
                 WsClient bob = server.hello("bob")) {
                for (WsClient member : new WsClient[] {alice, bob}) {
                    member.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"council\"}");
                    member.reply("j");
                }
                alice.send("{\"op\":\"vote\",\"rid\":\"v-late\",\"room\":\"council\",\"decision\":\"d-1\","
                        + "\"choice\":\"no\"}");
                ServerFrames.assertError(alice.reply("v-late"), ErrorCode.BAD_REQUEST, "v-late", "already approved");

                bob.send("{\"op\":\"vote\",\"rid\":\"v-open\",\"room\":\"council\",\"decision\":\"d-2\","
                        + "\"choice\":\"no\"}");
                Ok accepted = ServerFrames.parse(bob.reply("v-open"), Ok.class);
                assertEquals("d-2", accepted.decision());
                DecisionUpdate afterVote = awaitDecision(alice, "d-2", DecisionStatus.REJECTED, 1);
                assertEquals(1, afterVote.yes(), "alice's yes from before the restart still counts");
                assertEquals(1, afterVote.no());

                assertEquals("d-3", propose(bob, "Decision ids are never reused", "majority"));
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldDeliverDirectMessagesToClientsThatWereOfflineAcrossRestart() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            try (WsClient alice = server.hello("alice");
                 WsClient erin = server.hello("erin")) {
                send(alice, "dave", "for dave, who never connected");
                send(alice, "erin", "for erin, read before the restart");
                Msg read = ServerFrames.parse(erin.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
                assertEquals(1, read.offset());
            }

            server.restart();

            try (WsClient dave = server.hello("dave")) {
                Msg inbox = ServerFrames.parse(dave.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
                assertEquals("dave", inbox.to());
                assertNull(inbox.room());
                assertEquals("alice", inbox.from());
                assertEquals(1, inbox.offset());
                assertEquals("\"for dave, who never connected\"", inbox.body().json());
            }
            try (WsClient alice = server.hello("alice");
                 WsClient erin = server.hello("erin")) {
                send(alice, "erin", "for erin, after the restart");
                Msg next = ServerFrames.parse(erin.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
                assertEquals(2, next.offset(), "erin had already been sent inbox message 1 before the restart: "
                        + next);
                assertEquals("\"for erin, after the restart\"", next.body().json());
            }
        }
    }

    /** Reads every ack; returns each room's bodies in offset order, checking the offsets are 1, 2, 3, … */
    private static Map<String, List<String>> collectAcks(WsClient writer) {
        Map<String, List<String>> bodiesByRoom = new HashMap<>();
        for (int acks = 0; acks < MESSAGES; acks++) {
            String frame = writer.next();
            Ok ok = ServerFrames.parse(frame, Ok.class);
            int n = Integer.parseInt(ok.rid().substring(1));
            assertEquals(ROOMS[n % ROOMS.length], ok.room(), frame);
            List<String> bodies = bodiesByRoom.computeIfAbsent(ok.room(), r -> new ArrayList<>());
            assertEquals(bodies.size() + 1, ok.offset(), "offsets per room are contiguous: " + frame);
            bodies.add("{\"n\":" + n + ",\"text\":\"message " + n + "\"}");
        }
        return bodiesByRoom;
    }

    /** Every message of the room through history, page by page; checks the offsets are 1, 2, 3, … */
    private static List<String> history(WsClient client, String room) {
        List<String> bodies = new ArrayList<>();
        boolean more = true;
        for (int page = 0; more; page++) {
            String rid = "h-" + room + "-" + page;
            client.send("{\"op\":\"history\",\"rid\":\"" + rid + "\",\"room\":\"" + room + "\",\"since\":"
                    + bodies.size() + ",\"limit\":1000}");
            HistoryReply reply = ServerFrames.parse(client.reply(rid), HistoryReply.class);
            assertFalse(reply.messages().isEmpty() && reply.more(), "an empty page that says there is more");
            for (Msg m : reply.messages()) {
                assertEquals(room, m.room());
                assertEquals(bodies.size() + 1, m.offset(), "history of " + room);
                bodies.add(m.body().json());
            }
            more = reply.more();
        }
        return bodies;
    }

    private static String propose(WsClient proposer, String title, String rule) {
        String rid = "prop-" + title.hashCode();
        proposer.send("{\"op\":\"propose\",\"rid\":\"" + rid + "\",\"room\":\"council\",\"title\":\"" + title
                + "\",\"rule\":\"" + rule + "\"}");
        String decision = ServerFrames.parse(proposer.reply(rid), Ok.class).decision();
        assertNotNull(decision, "propose answered without a decision id");
        return decision;
    }

    private static void vote(WsClient voter, String decision, String choice) {
        String rid = "vote-" + decision;
        voter.send("{\"op\":\"vote\",\"rid\":\"" + rid + "\",\"room\":\"council\",\"decision\":\"" + decision
                + "\",\"choice\":\"" + choice + "\"}");
        assertEquals(decision, ServerFrames.parse(voter.reply(rid), Ok.class).decision());
    }

    /** Waits for the update of {@code decision} with this status and this many yes votes. */
    private static DecisionUpdate awaitDecision(WsClient member, String decision, DecisionStatus status, int yes) {
        String frame = member.await(f -> {
            if (!f.contains("\"op\":\"decision\"")) {
                return false;
            }
            DecisionUpdate u = ServerFrames.parse(f, DecisionUpdate.class);
            return u.decision().equals(decision) && u.status() == status && u.yes() == yes;
        });
        return ServerFrames.parse(frame, DecisionUpdate.class);
    }

    private static void send(WsClient from, String to, String text) {
        String rid = "send-" + to;
        from.send("{\"op\":\"send\",\"rid\":\"" + rid + "\",\"to\":\"" + to + "\",\"body\":\"" + text + "\"}");
        assertTrue(from.reply(rid).contains("\"op\":\"ok\""));
    }
}
