package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code $sys.stats} room: a snapshot of the metrics every second, read like a room, never written. */
class StatsRoomIT {
    private static final String STATS = "$sys.stats";
    private static final String JOIN = "{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + STATS + "\"";
    /** Fields every snapshot body has (PROTOCOL.md, "System rooms"). */
    private static final Set<String> FIELDS = Set.of("ts", "uptime_ms", "interval_ms", "connections", "rooms",
            "messages_in", "messages_in_total", "messages_out", "messages_out_total", "direct_in", "direct_in_total",
            "direct_out", "direct_out_total", "bytes_received", "bytes_received_total", "bytes_sent",
            "bytes_sent_total", "connections_opened", "connections_opened_total", "joins", "joins_total", "drops",
            "drops_total", "slow_consumer_closes", "slow_consumer_closes_total", "errors", "errors_total",
            "errors_by_code", "journal_bytes", "disk_free_bytes", "latency_us", "top_rooms");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldPublishASnapshotEverySecondToItsMembers() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient dashboard = server.hello("dashboard");
             WsClient agent = server.hello("agent")) {
            Ok joined = ServerFrames.parse(dashboard.send(JOIN + "}").reply("j"), Ok.class);
            agent.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"work\",\"body\":\"hi\"}").reply("p");

            Msg first = nextStats(dashboard);
            Msg second = nextStats(dashboard);
            Msg counted = first;
            while (!body(counted).contains("\"messages_in_total\":1,")) {
                counted = nextStats(dashboard);
            }

            assertTrue(first.offset() > joined.offset(), "live snapshots follow the join");
            assertEquals(first.offset() + 1, second.offset(), "one offset after another");
            assertEquals("$sys", first.from());
            assertEquals(Priority.LOW, first.priority());
            long gapMs = second.ts() - first.ts();
            assertTrue(gapMs >= 500 && gapMs <= 2500, "about a second apart: " + gapMs + " ms");
            assertEquals(FIELDS, topLevelFields(body(first)));
            assertTrue(body(counted).contains("\"connections\":2,"), body(counted));
            assertTrue(body(counted).contains("\"room\":\"work\""), "top_rooms names the room: " + body(counted));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReplayKeptSnapshotsOnJoinWithSinceAndAnswerHistory() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient early = server.hello("early")) {
            early.send(JOIN + "}").reply("j");
            long firstOffset = nextStats(early).offset();
            Msg later = nextStats(early);

            try (WsClient late = server.hello("late")) {
                late.send(JOIN + ",\"since\":0}").reply("j");
                assertEquals(firstOffset, nextStats(late).offset(), "the oldest kept snapshot comes first");

                late.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"" + STATS + "\",\"since\":" + (firstOffset - 1)
                        + ",\"limit\":2}");
                HistoryReply history = ServerFrames.parse(late.reply("h"), HistoryReply.class);
                assertEquals(List.of(firstOffset, later.offset()), history.messages().stream().map(Msg::offset).toList());
            }
            HttpResponse<String> rest = server.get("/api/v1/rooms/$sys.stats/messages?since=" + (firstOffset - 1)
                    + "&limit=1");
            assertEquals(200, rest.statusCode(), rest.body());
            assertTrue(rest.body().contains("\"offset\":" + firstOffset + ","), rest.body());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseWritingAndUnknownSystemRooms() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient client = server.hello("writer")) {
            ErrorFrame pub = ServerFrames.parse(client.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"" + STATS
                    + "\",\"body\":1}").reply("p"), ErrorFrame.class);
            assertEquals(ErrorCode.BAD_REQUEST, pub.code());

            ErrorFrame unknown = ServerFrames.parse(client.send("{\"op\":\"join\",\"rid\":\"u\",\"room\":\"$sys.nope\"}")
                    .reply("u"), ErrorFrame.class);
            assertEquals(ErrorCode.NOT_FOUND, unknown.code());
            assertEquals("there is no system room '$sys.nope'", unknown.message());

            HttpResponse<String> post = server.post("/api/v1/rooms/$sys.stats/messages", "{\"body\":1}");
            assertEquals(400, post.statusCode());
            assertTrue(post.body().contains("\"code\":\"bad_request\""), post.body());

            HttpResponse<String> rooms = server.get("/api/v1/rooms");
            assertTrue(rooms.body().contains("\"room\":\"$sys.stats\""), "listed like any room: " + rooms.body());

            ServerFrames.parse(client.send(JOIN + "}").reply("j"), Ok.class);
            client.send("{\"op\":\"leave\",\"rid\":\"l\",\"room\":\"" + STATS + "\"}");
            ServerFrames.parse(client.reply("l"), Ok.class);
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldNeverNumberASnapshotTwiceAcrossARestart() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            long before;
            try (WsClient client = server.hello("before")) {
                client.send(JOIN + "}").reply("j");
                before = nextStats(client).offset();
            }
            server.restart();
            try (WsClient client = server.hello("after")) {
                ServerFrames.parse(client.send(JOIN + "}").reply("j"), Ok.class);
                assertTrue(nextStats(client).offset() > before, "offsets go on after a restart");
            }
            assertFalse(server.get("/api/v1/rooms/$sys.stats/messages").body().contains("\"offset\":" + before + ","),
                    "snapshots are not journaled");
        }
    }

    private static Msg nextStats(WsClient client) {
        return ServerFrames.parse(client.await(f -> f.contains("\"op\":\"msg\"") && f.contains("\"type\":\"stats\"")),
                Msg.class);
    }

    private static String body(Msg msg) {
        return msg.body().json();
    }

    private static Set<String> topLevelFields(String json) throws IOException {
        Set<String> fields = new HashSet<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                fields.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        }
        return fields;
    }
}
