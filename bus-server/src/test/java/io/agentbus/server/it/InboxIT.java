package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.assertNextIsPong;
import static io.agentbus.server.it.ServerFrames.parse;
import static java.net.http.WebSocket.NORMAL_CLOSURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Pong;
import io.agentbus.protocol.frame.Welcome;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Direct messages and the durable inbox over real sockets. */
class InboxIT {
    private static final AtomicInteger NEXT = new AtomicInteger();

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * The recipient's connections leave with the closing handshake before the next {@code send}:
     * a message written to a connection whose close the server has not read yet counts as
     * written. And the cursor moves once the server learns that a write completed, which may be
     * after the client has read it, so the test waits for the cursor before relying on it.
     */
    @Test
    void shouldKeepADirectMessageForAClientThatNeverConnected() {
        int n = NEXT.incrementAndGet();
        String reviewer = "reviewer-" + n;
        try (WsClient sender = server.hello("coder-" + n)) {
            assertEquals(1, send(sender, reviewer, "s1", "{\"pr\":1}"));

            try (WsClient first = server.hello(reviewer)) {
                String json = first.next();
                Msg msg = parse(json, Msg.class);
                assertEquals(reviewer, msg.to(), json);
                assertNull(msg.room(), json);
                assertFalse(json.contains("\"room\""), json);
                assertEquals(1, msg.offset());
                assertEquals("coder-" + n, msg.from());
                assertEquals("review_request", msg.type());
                assertEquals(Priority.HIGH, msg.priority());
                assertEquals("{\"pr\":1}", msg.body().json());
                assertNextIsPong(first);
                assertEquals(NORMAL_CLOSURE, first.closeAndAwaitReply());
            }
            awaitCursorAt(reviewer, 1);

            assertEquals(2, send(sender, reviewer, "s2", "{\"pr\":2}"));

            try (WsClient second = hello(reviewer, "")) {
                Msg msg = parse(second.next(), Msg.class);
                assertEquals(2, msg.offset(), "message 1 was written already; only 2 is new");
                assertEquals("{\"pr\":2}", msg.body().json());
                assertNextIsPong(second);
            }

            try (WsClient third = hello(reviewer, ",\"inbox_since\":0")) {
                Msg one = parse(third.next(), Msg.class);
                Msg two = parse(third.next(), Msg.class);
                assertEquals(1, one.offset());
                assertEquals("{\"pr\":1}", one.body().json());
                assertEquals(2, two.offset());
                assertEquals(reviewer, two.to());
                assertNextIsPong(third);
            }

            try (WsClient fourth = hello(reviewer, ",\"inbox_since\":1")) {
                assertEquals(2, parse(fourth.next(), Msg.class).offset());
                assertNextIsPong(fourth);
            }

            awaitCursorAt(reviewer, 2);
        }
    }

    @Test
    void shouldDeliverAtOnceToAnOnlineClient() {
        int n = NEXT.incrementAndGet();
        try (WsClient sender = server.hello("coder-" + n);
             WsClient reviewer = server.hello("reviewer-" + n)) {
            assertNextIsPong(reviewer);
            assertEquals(1, send(sender, "reviewer-" + n, "s1", "{\"now\":true}"));
            String json = reviewer.next();
            Msg msg = parse(json, Msg.class);
            assertEquals("reviewer-" + n, msg.to());
            assertNull(msg.room(), json);
            assertEquals(1, msg.offset());
            assertEquals("{\"now\":true}", msg.body().json());
            assertNextIsPong(sender);
        }
    }

    @Test
    void shouldDeliverToEveryConnectionOfTheRecipient() {
        int n = NEXT.incrementAndGet();
        try (WsClient sender = server.hello("coder-" + n);
             WsClient laptop = server.hello("reviewer-" + n);
             WsClient phone = server.hello("reviewer-" + n)) {
            assertEquals(1, send(sender, "reviewer-" + n, "s1", "\"both\""));
            assertEquals("\"both\"", parse(laptop.next(), Msg.class).body().json());
            assertEquals("\"both\"", parse(phone.next(), Msg.class).body().json());
        }
    }

    /** Sends a direct message and returns the inbox offset acknowledged. */
    private static long send(WsClient sender, String to, String rid, String body) {
        sender.send("{\"op\":\"send\",\"rid\":\"" + rid + "\",\"to\":\"" + to
                + "\",\"type\":\"review_request\",\"priority\":\"high\",\"body\":" + body + "}");
        String json = sender.next();
        Ok ok = parse(json, Ok.class);
        assertEquals(rid, ok.rid(), json);
        return ok.offset();
    }

    /**
     * Waits until a hello without {@code inbox_since} sends nothing: the client's cursor has
     * reached {@code offset}, its newest inbox message. Until the server learns of the write it
     * may send a message again (at-least-once), never one past {@code offset}. Each probe leaves
     * with the closing handshake, so nothing sent later is written to it.
     */
    private static void awaitCursorAt(String client, long offset) {
        long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
        while (probeGetsAgain(client, offset)) {
            assertTrue(System.nanoTime() < deadline,
                    "a hello without inbox_since still sends " + client + " old messages after " + WsClient.TIMEOUT);
        }
    }

    /** Says hello without {@code inbox_since} and tells whether any inbox message came before the pong. */
    private static boolean probeGetsAgain(String client, long offset) {
        try (WsClient probe = hello(client, "")) {
            probe.send("{\"op\":\"ping\",\"rid\":\"probe\"}");
            boolean again = false;
            for (String json = probe.next(); !(parse(json) instanceof Pong); json = probe.next()) {
                Msg msg = parse(json, Msg.class);
                assertTrue(msg.offset() <= offset, "nothing past inbox offset " + offset + " was sent yet: " + json);
                again = true;
            }
            assertEquals(NORMAL_CLOSURE, probe.closeAndAwaitReply());
            return again;
        }
    }

    private static WsClient hello(String client, String extra) {
        WsClient c = WsClient.connect(server.port());
        c.send("{\"op\":\"hello\",\"client\":\"" + client + "\"" + extra + "}");
        parse(c.next(), Welcome.class);
        return c;
    }
}
