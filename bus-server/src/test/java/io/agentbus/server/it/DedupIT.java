package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.assertNextIsPong;
import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.config.Setting;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code pub}, {@code send} or REST publish that repeats a message id within the window is
 * acknowledged with the original's offset and not delivered again; also across a restart.
 */
class DedupIT {
    private static final AtomicInteger NEXT = new AtomicInteger();

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(dir.resolve("shared"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAcknowledgeARepeatedPubWithTheOriginalOffsetAndDeliverItOnce() {
        int n = NEXT.incrementAndGet();
        String room = "dedup-" + n;
        try (WsClient publisher = server.hello("publisher-" + n);
             WsClient member = joined(server, "member-" + n, room)) {
            String first = pubJson(publisher, "p1", room, "m-1", "\"first\"");
            assertFalse(first.contains("duplicate"), "a new message's ok has no duplicate field: " + first);
            Ok original = parse(first, Ok.class);

            Ok again = pub(publisher, "p2", room, "m-1", "\"resent\"");
            assertEquals(original.offset(), again.offset(), "the original's offset");
            assertEquals(room, again.room());
            assertTrue(again.duplicate());
            Ok marker = pub(publisher, "p3", room, "m-2", "\"marker\"");
            assertEquals(original.offset() + 1, marker.offset());
            assertFalse(marker.duplicate());

            Msg delivered = parse(member.next(), Msg.class);
            assertEquals(original.offset(), delivered.offset());
            assertEquals("\"first\"", delivered.body().json(), "the original, not the resend");
            Msg next = parse(member.next(), Msg.class);
            assertEquals(marker.offset(), next.offset(), "the duplicate was not delivered");
            assertEquals("\"marker\"", next.body().json());
            assertNextIsPong(member);
        }
    }

    @Test
    void shouldTreatTheSameIdInAnotherRoomAsANewMessage() {
        int n = NEXT.incrementAndGet();
        try (WsClient publisher = server.hello("publisher-" + n)) {
            pub(publisher, "a0", "room-a-" + n, null, "0");
            Ok inA = pub(publisher, "a1", "room-a-" + n, "same", "1");
            Ok inB = pub(publisher, "b1", "room-b-" + n, "same", "2");

            assertEquals(2, inA.offset());
            assertEquals(1, inB.offset(), "a new message, first of its room");
            assertFalse(inB.duplicate());
            assertEquals(inA.offset(), pub(publisher, "a2", "room-a-" + n, "same", "3").offset());
        }
    }

    @Test
    void shouldTreatTheSameIdFromAnotherSenderAsANewMessage() {
        int n = NEXT.incrementAndGet();
        String room = "shared-" + n;
        try (WsClient alice = server.hello("alice-" + n);
             WsClient bob = server.hello("bob-" + n)) {
            Ok fromAlice = pub(alice, "a", room, "same", "1");
            Ok fromBob = pub(bob, "b", room, "same", "2");

            assertEquals(fromAlice.offset() + 1, fromBob.offset());
            assertFalse(fromBob.duplicate());
        }
    }

    @Test
    void shouldAcknowledgeARepeatedSendWithTheOriginalInboxOffsetAndDeliverItOnce() {
        int n = NEXT.incrementAndGet();
        String reviewer = "reviewer-" + n;
        try (WsClient sender = server.hello("sender-" + n);
             WsClient recipient = server.hello(reviewer)) {
            Ok original = send(sender, "s1", reviewer, "d-1", "\"first\"");
            Ok again = send(sender, "s2", reviewer, "d-1", "\"resent\"");
            Ok marker = send(sender, "s3", reviewer, "d-2", "\"marker\"");

            assertEquals(1, original.offset());
            assertFalse(original.duplicate());
            assertEquals(1, again.offset(), "the original's inbox offset");
            assertTrue(again.duplicate());
            assertEquals(2, marker.offset());
            assertEquals("\"first\"", parse(recipient.next(), Msg.class).body().json());
            Msg next = parse(recipient.next(), Msg.class);
            assertEquals(2, next.offset(), "the duplicate was not delivered");
            assertEquals("\"marker\"", next.body().json());
            assertNextIsPong(recipient);
        }
    }

    @Test
    void shouldTreatTheSameIdToAnotherRecipientAsANewMessage() {
        int n = NEXT.incrementAndGet();
        try (WsClient sender = server.hello("sender-" + n)) {
            Ok toOne = send(sender, "s1", "one-" + n, "same", "1");
            Ok toTwo = send(sender, "s2", "two-" + n, "same", "2");

            assertEquals(1, toOne.offset());
            assertEquals(1, toTwo.offset(), "first message of the other inbox");
            assertFalse(toTwo.duplicate());
        }
    }

    @Test
    void shouldAnswerARepeatedRestPostWithTheOriginalOffset() throws Exception {
        int n = NEXT.incrementAndGet();
        String room = "rest-" + n;
        try (WsClient member = joined(server, "member-" + n, room)) {
            HttpResponse<String> first = post(server, room, "{\"id\":\"r-1\",\"body\":\"first\"}");
            HttpResponse<String> again = post(server, room, "{\"id\":\"r-1\",\"body\":\"resent\"}");
            HttpResponse<String> marker = post(server, room, "{\"id\":\"r-2\",\"body\":\"marker\"}");

            assertEquals(200, first.statusCode(), first.body());
            assertEquals("{\"offset\":1}", first.body());
            assertEquals(200, again.statusCode(), again.body());
            assertEquals("{\"offset\":1,\"duplicate\":true}", again.body());
            assertEquals("{\"offset\":2}", marker.body());
            Msg delivered = parse(member.next(), Msg.class);
            assertEquals("rest", delivered.from());
            assertEquals("\"first\"", delivered.body().json());
            assertEquals(2, parse(member.next(), Msg.class).offset(), "the duplicate was not delivered");
            assertNextIsPong(member);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRecogniseRepeatedIdsAfterARestart() throws Exception {
        try (TestServer restarting = TestServer.start(dir.resolve("restart"))) {
            try (WsClient alice = restarting.hello("alice")) {
                assertEquals(1, pub(alice, "p1", "r", "m-1", "1").offset());
                assertEquals(1, send(alice, "s1", "bob", "d-1", "1").offset());
            }
            assertEquals("{\"offset\":2}", post(restarting, "r", "{\"id\":\"r-1\"}").body());

            restarting.restart();

            try (WsClient alice = restarting.hello("alice")) {
                Ok pubAgain = pub(alice, "p2", "r", "m-1", "1");
                assertEquals(1, pubAgain.offset());
                assertTrue(pubAgain.duplicate(), "pub id remembered across the restart");
                Ok sendAgain = send(alice, "s2", "bob", "d-1", "1");
                assertEquals(1, sendAgain.offset());
                assertTrue(sendAgain.duplicate(), "send id remembered across the restart");
                assertEquals("{\"offset\":2,\"duplicate\":true}", post(restarting, "r", "{\"id\":\"r-1\"}").body());
                Ok fresh = pub(alice, "p3", "r", "m-2", "2");
                assertEquals(3, fresh.offset());
                assertFalse(fresh.duplicate());
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldPublishEveryMessageWhenTheWindowIsZero() throws Exception {
        try (TestServer off = TestServer.start(dir.resolve("off"), Map.of(Setting.DEDUP_WINDOW_MS, 0));
             WsClient alice = off.hello("alice")) {
            Ok first = pub(alice, "p1", "r", "m-1", "1");
            Ok second = pub(alice, "p2", "r", "m-1", "1");
            Ok sent = send(alice, "s1", "bob", "d-1", "1");
            Ok sentAgain = send(alice, "s2", "bob", "d-1", "1");

            assertEquals(1, first.offset());
            assertEquals(2, second.offset());
            assertFalse(second.duplicate());
            assertEquals(2, sentAgain.offset(), "second message in bob's inbox, after " + sent.offset());
            assertFalse(sentAgain.duplicate());
            assertEquals("{\"offset\":3}", post(off, "r", "{\"id\":\"m-1\"}").body());
            assertEquals("{\"offset\":4}", post(off, "r", "{\"id\":\"m-1\"}").body());
        }
    }

    private static WsClient joined(TestServer on, String client, String room) {
        WsClient c = on.hello(client);
        c.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + room + "\"}");
        parse(c.reply("j"), Ok.class);
        return c;
    }

    /** Publishes (with {@code id} unless it is null) and returns the raw {@code ok}. */
    private static String pubJson(WsClient c, String rid, String room, String id, String body) {
        String idField = id == null ? "" : ",\"id\":\"" + id + "\"";
        c.send("{\"op\":\"pub\",\"rid\":\"" + rid + "\",\"room\":\"" + room + "\"" + idField + ",\"body\":" + body + "}");
        return c.reply(rid);
    }

    private static Ok pub(WsClient c, String rid, String room, String id, String body) {
        Ok ok = parse(pubJson(c, rid, room, id, body), Ok.class);
        assertEquals(rid, ok.rid());
        return ok;
    }

    private static Ok send(WsClient c, String rid, String to, String id, String body) {
        c.send("{\"op\":\"send\",\"rid\":\"" + rid + "\",\"to\":\"" + to + "\",\"id\":\"" + id + "\",\"body\":" + body
                + "}");
        Ok ok = parse(c.reply(rid), Ok.class);
        assertEquals(rid, ok.rid());
        return ok;
    }

    private static HttpResponse<String> post(TestServer on, String room, String body) throws Exception {
        return on.post("/api/v1/rooms/" + room + "/messages", body);
    }
}
