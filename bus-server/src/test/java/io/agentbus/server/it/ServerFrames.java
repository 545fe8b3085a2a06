package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Pong;
import io.agentbus.protocol.frame.ServerFrame;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the server's frames with the project's own codec, and the barriers tests use to prove
 * that nothing else arrived: a {@code ping} whose {@code pong} must be the very next frame.
 */
final class ServerFrames {
    private static final FrameReader READER = new FrameReader();
    private static final AtomicLong PINGS = new AtomicLong();

    private ServerFrames() {
    }

    /** Decodes a frame the server sent; fails the test if it is not a valid server frame. */
    static ServerFrame parse(String json) {
        try {
            return READER.readServer(json);
        } catch (ProtocolException e) {
            throw new AssertionError("the server sent a frame its own codec cannot read: " + json, e);
        }
    }

    /** Decodes a frame that must be of this type. */
    static <T extends ServerFrame> T parse(String json, Class<T> type) {
        return assertInstanceOf(type, parse(json), json);
    }

    /** Asserts {@code json} is an error with this code, this rid, and a message naming {@code mention}. */
    static ErrorFrame assertError(String json, ErrorCode code, String rid, String mention) {
        ErrorFrame error = parse(json, ErrorFrame.class);
        assertEquals(code, error.code(), json);
        assertEquals(rid, error.rid(), json);
        assertTrue(error.message() != null && error.message().contains(mention),
                "message should name '" + mention + "': " + json);
        return error;
    }

    /**
     * Reads the two frames a member gets for its own publish, the {@code ok} and the echoed
     * {@code msg}, in either order (they travel in different lanes), and returns both.
     */
    static OkAndEcho okAndEcho(WsClient publisher, String rid) {
        Ok ok = null;
        Msg echo = null;
        for (int i = 0; i < 2; i++) {
            String json = publisher.next();
            ServerFrame frame = parse(json);
            if (frame instanceof Ok o && ok == null) {
                ok = o;
            } else if (frame instanceof Msg m && echo == null) {
                echo = m;
            } else {
                throw new AssertionError("expected the ok to '" + rid + "' and its echo, got " + json);
            }
        }
        assertEquals(rid, ok.rid());
        assertEquals(ok.offset(), echo.offset(), "the echo carries the acknowledged offset");
        return new OkAndEcho(ok, echo);
    }

    /** The acknowledgement of a publish and the publisher's own copy of the message. */
    record OkAndEcho(Ok ok, Msg echo) {
    }

    /** Pings and asserts the pong is the next frame: the connection is up and nothing was pending. */
    static void assertNextIsPong(WsClient client) {
        String rid = "barrier-" + PINGS.incrementAndGet();
        client.send("{\"op\":\"ping\",\"rid\":\"" + rid + "\"}");
        String next = client.next();
        Pong pong = parse(next, Pong.class);
        assertEquals(rid, pong.rid(), next);
    }

    /** Pings and skips everything up to the pong: the client has read all that was sent before. */
    static void sync(WsClient client) {
        String rid = "sync-" + PINGS.incrementAndGet();
        client.send("{\"op\":\"ping\",\"rid\":\"" + rid + "\"}");
        client.await(f -> f.contains("\"op\":\"pong\"") && f.contains("\"rid\":\"" + rid + "\""));
    }
}
