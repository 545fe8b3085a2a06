package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every right, over real sockets: a token without it gets {@code forbidden} naming the room and
 * the right, a token with it succeeds.
 */
class PermissionsIT {
    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, Map.of(Setting.AUTH_SECRET, TestTokens.SECRET));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WsClient client(TestTokens token, String client) {
        WsClient c = WsClient.connect(server.port());
        String reply = c.hello(client, token.hs256());
        assertTrue(reply.contains("\"op\":\"welcome\""), reply);
        return c;
    }

    private static void assertForbidden(String reply, String message) {
        assertTrue(reply.contains("\"code\":\"forbidden\""), reply);
        assertTrue(reply.contains(message), "expected '" + message + "' in " + reply);
    }

    private static void assertOk(String reply) {
        assertTrue(reply.contains("\"op\":\"ok\"") || reply.contains("\"op\":\"history\""), reply);
    }

    @Test
    void shouldNeedSubToJoinAndReadHistory() {
        try (WsClient writer = client(TestTokens.forClient("w").room("build-*", "pub"), "w");
             WsClient reader = client(TestTokens.forClient("r").room("build-*", "sub"), "r")) {
            assertOk(writer.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"build-1\",\"body\":1}").reply("p"));
            assertForbidden(writer.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"build-1\"}").reply("j"),
                    "joining and reading in room 'build-1' needs the 'sub' right");
            assertForbidden(writer.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"build-1\"}").reply("h"),
                    "needs the 'sub' right");
            assertOk(reader.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"build-1\"}").reply("j"));
            assertTrue(reader.send("{\"op\":\"history\",\"rid\":\"h\",\"room\":\"build-1\"}").reply("h")
                    .contains("\"offset\":1"));
            assertForbidden(reader.send("{\"op\":\"join\",\"rid\":\"k\",\"room\":\"deploy\"}").reply("k"),
                    "in room 'deploy' needs the 'sub' right");
        }
    }

    @Test
    void shouldNeedPubToPublishProposeVoteAndUploadArtifacts() {
        try (WsClient reader = client(TestTokens.forClient("r").room("arch", "sub"), "r");
             WsClient writer = client(TestTokens.forClient("w").room("arch", "sub", "pub"), "w")) {
            assertOk(writer.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"arch\"}").reply("j"));
            assertOk(reader.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"arch\"}").reply("j"));
            assertForbidden(reader.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"arch\"}").reply("p"),
                    "publishing in room 'arch' needs the 'pub' right");
            assertOk(writer.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"arch\"}").reply("p"));
            String propose = "{\"op\":\"propose\",\"rid\":\"d\",\"room\":\"arch\",\"title\":\"Ship\",\"rule\":\"majority\"}";
            assertForbidden(reader.send(propose).reply("d"), "publishing in room 'arch' needs the 'pub' right");
            assertTrue(writer.send(propose).reply("d").contains("\"decision\":\"d-1\""));
            String vote = "{\"op\":\"vote\",\"rid\":\"v\",\"room\":\"arch\",\"decision\":\"d-1\",\"choice\":\"yes\"}";
            assertForbidden(reader.send(vote).reply("v"), "needs the 'pub' right");
            assertOk(writer.send(vote).reply("v"));
            String artifact = "{\"op\":\"artifact\",\"rid\":\"a\",\"room\":\"arch\",\"name\":\"x.txt\",\"data\":\"aGk=\"}";
            assertForbidden(reader.send(artifact).reply("a"), "needs the 'pub' right");
            assertTrue(writer.send(artifact).reply("a").contains("\"sha256\""));
        }
    }

    @Test
    void shouldNeedTheDmRightToSendDirectMessages() {
        try (WsClient plain = client(TestTokens.forClient("p").room("*", "sub", "pub", "admin"), "p");
             WsClient dm = client(TestTokens.forClient("d").dm(), "d")) {
            assertForbidden(plain.send("{\"op\":\"send\",\"rid\":\"s\",\"to\":\"d\",\"body\":1}").reply("s"),
                    "sending a direct message (to 'd') needs the 'dm' right");
            assertOk(dm.send("{\"op\":\"send\",\"rid\":\"s\",\"to\":\"p\",\"body\":1}").reply("s"));
        }
    }

    @Test
    void shouldMatchExactRoomsPrefixesAndEverything() {
        try (WsClient c = client(TestTokens.forClient("c").room("ci", "sub").room("build-*", "pub"), "c");
             WsClient all = client(TestTokens.forClient("a").room("*", "sub"), "a")) {
            assertOk(c.send("{\"op\":\"join\",\"rid\":\"1\",\"room\":\"ci\"}").reply("1"));
            assertForbidden(c.send("{\"op\":\"join\",\"rid\":\"2\",\"room\":\"ci-2\"}").reply("2"), "room 'ci-2'");
            assertOk(c.send("{\"op\":\"pub\",\"rid\":\"3\",\"room\":\"build-\"}").reply("3"));
            assertForbidden(c.send("{\"op\":\"pub\",\"rid\":\"4\",\"room\":\"builds\"}").reply("4"), "room 'builds'");
            assertForbidden(c.send("{\"op\":\"join\",\"rid\":\"5\",\"room\":\"build-9\"}").reply("5"), "'sub' right");
            assertOk(all.send("{\"op\":\"join\",\"rid\":\"6\",\"room\":\"anything.at:all\"}").reply("6"));
        }
    }

    @Test
    void shouldLetAnyAuthenticatedClientReadSystemRoomsAndLeave() {
        try (WsClient c = client(TestTokens.forClient("dash"), "dash")) {
            assertOk(c.send("{\"op\":\"join\",\"rid\":\"1\",\"room\":\"$sys.stats\"}").reply("1"));
            assertOk(c.send("{\"op\":\"history\",\"rid\":\"2\",\"room\":\"$sys.stats\"}").reply("2"));
            assertOk(c.send("{\"op\":\"leave\",\"rid\":\"3\",\"room\":\"$sys.stats\"}").reply("3"));
        }
    }
}
