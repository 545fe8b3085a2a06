package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Presence;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a user runs it: {@code bin/agentbus start} in its own process ({@link Daemon}), a
 * full session against it, SIGTERM, and a second start on the same data.
 */
class DaemonProcessIT {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldServeASessionStopOnSigtermAndKeepItsDataForTheNextStart() throws Exception {
        Path dataDir = dir.resolve("data");
        int port = Daemon.freePort();
        try (Daemon daemon = Daemon.startHealthy(port, dataDir, dir.resolve("first.log"))) {
            try (WsClient alice = WsClient.hello(port, "alice");
                 WsClient bob = WsClient.hello(port, "bob");
                 WsClient carol = WsClient.hello(port, "carol")) {
                runSession(port, alice, bob, carol);

                assertEquals(0, daemon.stop(), "exit status after SIGTERM:\n" + daemon.log());
                assertEquals(1001, alice.awaitClose(), "alice's close code on SIGTERM");
                assertEquals(1001, bob.awaitClose(), "bob's close code on SIGTERM");
            }
        }

        int secondPort = Daemon.freePort();
        try (Daemon restarted = Daemon.startHealthy(secondPort, dataDir, dir.resolve("second.log"))) {
            try (WsClient dave = WsClient.hello(secondPort, "dave")) {
                dave.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"build-42\"}");
                List<Msg> history = ServerFrames.parse(dave.reply("h"), HistoryReply.class).messages();
                assertEquals(2, history.size(), "history after the restart: " + history);
                assertEquals("{\"text\":\"hi\"}", history.get(0).body().json());
                assertEquals(2, history.get(1).offset());
                assertEquals("{\"text\":\"over rest\"}", history.get(1).body().json());
            }
            assertEquals(0, restarted.stop(), "exit status of the second daemon");
        }
    }

    private static void runSession(int port, WsClient alice, WsClient bob, WsClient carol) throws Exception {
        alice.send("{\"op\":\"join\",\"rid\":\"j1\",\"room\":\"build-42\",\"role\":\"coder\"}");
        assertTrue(alice.reply("j1").contains("\"offset\":0"));
        bob.send("{\"op\":\"join\",\"rid\":\"j2\",\"room\":\"build-42\",\"role\":\"reviewer\"}");
        bob.reply("j2");
        Presence joined = ServerFrames.parse(alice.await(f -> f.contains("\"op\":\"presence\"")), Presence.class);
        assertEquals("bob", joined.client());
        assertEquals("reviewer", joined.role());
        carol.send("{\"op\":\"join\",\"rid\":\"j3\",\"room\":\"build-42\"}");
        carol.reply("j3");

        alice.send("{\"op\":\"pub\",\"rid\":\"p1\",\"room\":\"build-42\",\"type\":\"chat\",\"body\":{\"text\":\"hi\"}}");
        assertTrue(alice.reply("p1").contains("\"offset\":1"));
        for (WsClient receiver : new WsClient[] {bob, carol}) {
            Msg msg = ServerFrames.parse(receiver.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
            assertEquals("alice", msg.from());
            assertEquals(1, msg.offset());
            assertEquals("{\"text\":\"hi\"}", msg.body().json());
        }

        bob.send("{\"op\":\"history\",\"rid\":\"h1\",\"room\":\"build-42\"}");
        HistoryReply history = ServerFrames.parse(bob.reply("h1"), HistoryReply.class);
        assertEquals(1, history.messages().size());

        carol.send("{\"op\":\"leave\",\"rid\":\"l1\",\"room\":\"build-42\"}");
        assertTrue(carol.reply("l1").contains("\"op\":\"ok\""));
        Presence left = ServerFrames.parse(alice.await(f -> f.contains("\"event\":\"left\"")), Presence.class);
        assertEquals("carol", left.client());

        HttpResponse<String> posted = Daemon.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/rooms/build-42/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"chat\",\"body\":{\"text\":\"over rest\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("\"offset\":2"), posted.body());
        Msg overRest = ServerFrames.parse(bob.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
        assertEquals(2, overRest.offset());
    }
}
