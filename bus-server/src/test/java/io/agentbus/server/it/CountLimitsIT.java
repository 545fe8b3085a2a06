package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rooms per connection, members per room and messages waiting in an inbox: over each, 'overloaded'. */
class CountLimitsIT {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseAJoinOverTheRoomsOfOneConnection() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.MAX_ROOMS_PER_CONNECTION, 2));
             WsClient c = server.hello("roamer")) {
            assertOk(c, "{\"op\":\"join\",\"rid\":\"a\",\"room\":\"a\"}", "a");
            assertOk(c, "{\"op\":\"join\",\"rid\":\"b\",\"room\":\"b\"}", "b");
            c.send("{\"op\":\"join\",\"rid\":\"c\",\"room\":\"c\"}");
            assertError(c.reply("c"), ErrorCode.OVERLOADED, "c", "max.rooms.per.connection");
            assertOk(c, "{\"op\":\"join\",\"rid\":\"b2\",\"room\":\"b\",\"role\":\"again\"}", "b2");
            assertOk(c, "{\"op\":\"leave\",\"rid\":\"la\",\"room\":\"a\"}", "la");
            assertOk(c, "{\"op\":\"join\",\"rid\":\"c2\",\"room\":\"c\"}", "c2");
        }
    }

    @Test
    void shouldRefuseAJoinOverTheMembersOfARoom() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.MAX_MEMBERS_PER_ROOM, 2));
             WsClient first = server.hello("m-1");
             WsClient second = server.hello("m-2");
             WsClient third = server.hello("m-3")) {
            assertOk(first, "{\"op\":\"join\",\"rid\":\"j\",\"room\":\"small\"}", "j");
            assertOk(second, "{\"op\":\"join\",\"rid\":\"j\",\"room\":\"small\"}", "j");
            third.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"small\"}");
            assertError(third.reply("j"), ErrorCode.OVERLOADED, "j", "room 'small' has 2 members");
            assertOk(second, "{\"op\":\"join\",\"rid\":\"again\",\"room\":\"small\",\"role\":\"lead\"}", "again");
            assertOk(first, "{\"op\":\"leave\",\"rid\":\"l\",\"room\":\"small\"}", "l");
            assertOk(third, "{\"op\":\"join\",\"rid\":\"j2\",\"room\":\"small\"}", "j2");
        }
    }

    @Test
    void shouldRefuseASendOverTheMessagesWaitingForOneRecipient() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.MAX_INBOX_PENDING, 3));
             WsClient sender = server.hello("sender")) {
            for (int i = 1; i <= 3; i++) {
                assertOk(sender, "{\"op\":\"send\",\"rid\":\"s" + i + "\",\"to\":\"away\",\"body\":" + i + "}", "s" + i);
            }
            sender.send("{\"op\":\"send\",\"rid\":\"s4\",\"to\":\"away\",\"body\":4}");
            assertError(sender.reply("s4"), ErrorCode.OVERLOADED, "s4", "max.inbox.pending");
            assertOk(sender, "{\"op\":\"send\",\"rid\":\"other\",\"to\":\"elsewhere\",\"body\":1}", "other");

            try (WsClient away = server.hello("away")) {
                for (int i = 1; i <= 3; i++) {
                    String body = "\"body\":" + i;
                    away.await(f -> f.contains("\"op\":\"msg\"") && f.contains(body));
                }
                AtomicInteger attempt = new AtomicInteger();
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    String rid = "r" + attempt.incrementAndGet();
                    sender.send("{\"op\":\"send\",\"rid\":\"" + rid + "\",\"to\":\"away\",\"body\":5}");
                    return sender.reply(rid).contains("\"op\":\"ok\"");
                });
            }
        }
    }

    private static void assertOk(WsClient c, String request, String rid) {
        c.send(request);
        String reply = c.reply(rid);
        assertTrue(reply.contains("\"op\":\"ok\""), reply);
    }
}
