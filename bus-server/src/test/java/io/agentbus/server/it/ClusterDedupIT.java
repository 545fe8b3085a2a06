package io.agentbus.server.it;

import static io.agentbus.server.it.ClusterNodes.assertDirect;
import static io.agentbus.server.it.ClusterNodes.assertNothingMore;
import static io.agentbus.server.it.ClusterNodes.node;
import static io.agentbus.server.it.ClusterNodes.send;
import static io.agentbus.server.it.ClusterNodes.sendOk;
import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * De-duplication across nodes: a message id is recorded in Redis by the script that orders the
 * message, so a resend to another node (one that has not seen the original, or not yet) is
 * answered with the original's offset.
 */
class ClusterDedupIT {
    @TempDir
    Path dir;

    @Test
    void shouldAnswerADirectMessageResentToANodeThatNeverSawItWithTheOriginalOffset() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             WsClient sender = a.hello("lead")) {
            sendOk(sender, "s0", "reviewer", "k-0", "\"zero\"");
            Ok original = sendOk(sender, "s1", "reviewer", "k-1", "\"one\"");
            assertEquals(2, original.offset());
            assertFalse(original.duplicate());

            try (TestServer b = node(dir, "b", redis);
                 WsClient again = b.hello("lead")) {
                Ok resent = sendOk(again, "r1", "reviewer", "k-1", "\"one, resent\"");

                assertEquals(2, resent.offset());
                assertTrue(resent.duplicate());
                try (WsClient recipient = b.hello("reviewer")) {
                    assertDirect(recipient, "reviewer", 1, "\"zero\"");
                    assertDirect(recipient, "reviewer", 2, "\"one\"");
                    assertNothingMore(recipient);
                }
            }
        }
    }

    @Test
    void shouldAnswerARoomPublishResentToANodeThatNeverSawItWithTheOriginalOffset() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             WsClient publisher = a.hello("lead");
             WsClient member = a.hello("member")) {
            join(member);
            Ok original = pubOk(publisher, "p1", "k-1", 1);
            assertEquals(1, original.offset());

            try (TestServer b = node(dir, "b", redis);
                 WsClient again = b.hello("lead")) {
                Ok resent = pubOk(again, "r1", "k-1", 2);
                Ok next = pubOk(again, "r2", "k-2", 3);

                assertEquals(1, resent.offset());
                assertTrue(resent.duplicate());
                assertEquals("team", resent.room());
                assertEquals(2, next.offset());
                assertFalse(next.duplicate());
            }
            Msg first = parse(member.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
            Msg second = parse(member.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
            assertEquals("{\"n\":1}", first.body().json());
            assertEquals(2, second.offset());
            assertEquals("{\"n\":3}", second.body().json());
        }
    }

    @Test
    void shouldAcceptOneOfTwoCopiesSentToBothNodesAtOnce() throws Exception {
        int ids = 50;
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis);
             TestServer b = node(dir, "b", redis);
             WsClient onA = a.hello("lead");
             WsClient onB = b.hello("lead");
             WsClient recipient = b.hello("reviewer")) {
            for (int i = 0; i < ids; i++) {
                onA.send(send("a" + i, "reviewer", "k-" + i, "\"a" + i + "\""));
                onB.send(send("b" + i, "reviewer", "k-" + i, "\"b" + i + "\""));
            }

            Set<Long> offsets = new HashSet<>();
            Map<String, Ok> repliesA = replies(onA, ids);
            Map<String, Ok> repliesB = replies(onB, ids);
            for (int i = 0; i < ids; i++) {
                Ok fromA = repliesA.get("a" + i);
                Ok fromB = repliesB.get("b" + i);
                assertEquals(fromA.offset(), fromB.offset(), "k-" + i);
                assertNotEquals(fromA.duplicate(), fromB.duplicate(), "k-" + i);
                assertTrue(offsets.add(fromA.offset()));
            }
            for (long offset = 1; offset <= ids; offset++) {
                assertEquals(offset, ClusterNodes.nextMsg(recipient).offset());
            }
            assertNothingMore(recipient);
            assertEquals(ids, offsets.size());
        }
    }

    @Test
    void shouldSendAgainAcrossNodesWithDedupWindowZero() throws Exception {
        Map<Setting, Object> off = Map.of(Setting.DEDUP_WINDOW_MS, "0");
        try (RedisServer redis = RedisServer.start(dir);
             TestServer a = node(dir, "a", redis, off);
             WsClient sender = a.hello("lead")) {
            assertEquals(1, sendOk(sender, "s1", "reviewer", "k-1", "\"one\"").offset());
            try (TestServer b = node(dir, "b", redis, off);
                 WsClient again = b.hello("lead")) {
                Ok resent = sendOk(again, "r1", "reviewer", "k-1", "\"one\"");

                assertEquals(2, resent.offset());
                assertFalse(resent.duplicate());
            }
        }
    }

    private static void join(WsClient member) {
        member.send("{\"op\":\"join\",\"rid\":\"join\",\"room\":\"team\"}");
        parse(member.reply("join"), Ok.class);
    }

    private static Ok pubOk(WsClient publisher, String rid, String id, int n) {
        publisher.send("{\"op\":\"pub\",\"rid\":\"" + rid + "\",\"room\":\"team\",\"id\":\"" + id
                + "\",\"body\":{\"n\":" + n + "}}");
        return parse(publisher.reply(rid), Ok.class);
    }

    /**
     * The next {@code count} replies of a connection by rid. A duplicate's answer does not wait for
     * Redis to deliver the original, so it may overtake the ok of an earlier send: replies are
     * matched by rid (PROTOCOL.md promises no order between them), none skipped.
     */
    private static Map<String, Ok> replies(WsClient sender, int count) {
        Map<String, Ok> replies = new HashMap<>();
        while (replies.size() < count) {
            Ok ok = parse(sender.next(), Ok.class);
            replies.put(ok.rid(), ok);
        }
        return replies;
    }
}
