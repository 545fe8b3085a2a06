package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code durability=ack-after-sync}: acknowledgements and deliveries wait for the group commit, yet
 * the protocol's promises hold as in the default mode: a publisher's {@code ok} comes before its
 * echo, every message reaches every member once and in order, a join while messages are waiting
 * for their sync neither misses nor repeats one, a repeated id gets the original's offset, and a
 * restart keeps everything acknowledged.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AckAfterSyncIT {
    private static final int PIPELINED = 300;

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = TestServer.start(dir.resolve("data"), Map.of(Setting.DURABILITY, "ack-after-sync"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldAcknowledgeBeforeTheEchoAndDeliverEveryPipelinedPublishOnceInOrder() {
        try (WsClient publisher = joined("publisher", "r", null);
             WsClient member = joined("member", "r", null)) {
            for (int i = 1; i <= PIPELINED; i++) {
                publisher.send(pub("p" + i, "r", null, Integer.toString(i)));
            }
            long acked = 0;
            long echoed = 0;
            while (echoed < PIPELINED) {
                ServerFrame frame = parse(nextNotPresence(publisher));
                if (frame instanceof Ok ok) {
                    assertEquals("p" + (acked + 1), ok.rid());
                    assertEquals(++acked, ok.offset());
                } else {
                    long offset = assertInstanceOf(Msg.class, frame).offset();
                    assertEquals(++echoed, offset);
                    assertTrue(offset <= acked, "the echo of " + offset + " came before its ok");
                }
            }
            for (int i = 1; i <= PIPELINED; i++) {
                assertEquals(i, parse(nextNotPresence(member), Msg.class).offset());
            }
        }
    }

    @Test
    void shouldReplayAndDeliverEachMessageOnceToAClientJoiningWhileMessagesWaitForTheirSync() {
        try (WsClient publisher = server.hello("publisher");
             WsClient joiner = server.hello("joiner")) {
            for (int i = 1; i <= PIPELINED; i++) {
                publisher.send(pub("p" + i, "r", null, Integer.toString(i)));
                if (i == PIPELINED / 2) {
                    joiner.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"r\",\"since\":0}");
                }
            }
            long expected = 1;
            boolean joined = false;
            while (expected <= PIPELINED) {
                ServerFrame frame = parse(joiner.next());
                if (frame instanceof Ok ok) {
                    assertEquals("j", ok.rid());
                    joined = true;
                    continue;
                }
                assertTrue(joined, "a message before the join's ok: " + frame);
                assertEquals(expected++, assertInstanceOf(Msg.class, frame).offset(), "replayed then live, once each");
            }
            for (int i = 1; i <= PIPELINED; i++) {
                assertEquals(i, parse(publisher.next(), Ok.class).offset());
            }
            publisher.send(pub("last", "r", null, "0"));
            assertEquals(PIPELINED + 1, parse(publisher.next(), Ok.class).offset());
            assertEquals(PIPELINED + 1, parse(joiner.next(), Msg.class).offset(), "nothing repeated before it");
        }
    }

    @Test
    void shouldAnswerARepeatedIdWithTheOriginalOffsetAndDeliverDirectMessages() {
        try (WsClient alice = server.hello("alice");
             WsClient bob = server.hello("bob")) {
            alice.send(pub("p1", "r", "m-1", "1"));
            alice.send(pub("p2", "r", "m-1", "1"));
            alice.send("{\"op\":\"send\",\"rid\":\"s1\",\"to\":\"bob\",\"id\":\"d-1\",\"body\":\"hi\"}");
            Ok first = parse(alice.next(), Ok.class);
            Ok again = parse(alice.next(), Ok.class);
            assertEquals(1, first.offset());
            assertEquals(1, again.offset());
            assertTrue(again.duplicate());
            Ok sent = parse(alice.next(), Ok.class);
            assertEquals("s1", sent.rid());
            Msg direct = parse(bob.next(), Msg.class);
            assertEquals(sent.offset(), direct.offset());
            assertEquals("\"hi\"", direct.body().json());
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedMessageAcrossARestart() throws Exception {
        try (WsClient publisher = server.hello("publisher")) {
            for (int i = 1; i <= PIPELINED; i++) {
                publisher.send(pub("p" + i, "r", null, Integer.toString(i)));
            }
            for (int i = 1; i <= PIPELINED; i++) {
                assertEquals(i, parse(publisher.next(), Ok.class).offset());
            }
        }
        server.restart();
        try (WsClient reader = joined("reader", "r", 0L)) {
            for (int i = 1; i <= PIPELINED; i++) {
                Msg msg = parse(reader.next(), Msg.class);
                assertEquals(i, msg.offset());
                assertEquals(Integer.toString(i), msg.body().json());
            }
        }
    }

    /** The next frame that is not a {@code presence} notice (members see each other join). */
    private static String nextNotPresence(WsClient ws) {
        String frame = ws.next();
        while (frame.contains("\"op\":\"presence\"")) {
            frame = ws.next();
        }
        return frame;
    }

    private WsClient joined(String client, String room, Long since) {
        WsClient ws = server.hello(client);
        ws.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + room + "\""
                + (since == null ? "" : ",\"since\":" + since) + "}");
        parse(ws.reply("j"), Ok.class);
        return ws;
    }

    private static String pub(String rid, String room, String id, String body) {
        return "{\"op\":\"pub\",\"rid\":\"" + rid + "\",\"room\":\"" + room + "\""
                + (id == null ? "" : ",\"id\":\"" + id + "\"") + ",\"body\":" + body + "}";
    }
}
