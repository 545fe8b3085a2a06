package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.assertError;
import static io.agentbus.server.it.ServerFrames.assertNextIsPong;
import static io.agentbus.server.it.ServerFrames.okAndEcho;
import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.config.Setting;
import io.agentbus.server.it.ServerFrames.OkAndEcho;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts over real sockets: upload over WebSocket and REST, download, limits and quotas. */
class ArtifactIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldStoreAnUploadAndAnnounceItToTheRoom() throws Exception {
        byte[] data = bytes(3000, 1);
        String sha = sha256(data);
        try (TestServer server = TestServer.start(dir);
             WsClient alice = server.hello("alice");
             WsClient bob = server.hello("bob")) {
            join(alice, "art");
            join(bob, "art");
            alice.await(f -> f.contains("\"op\":\"presence\""));

            alice.send(upload("u1", "art", "a.txt", data));
            OkAndEcho own = okAndEcho(alice, "u1");
            assertEquals(sha, own.ok().sha256());
            assertEquals(1, own.ok().offset());
            for (Msg msg : new Msg[] {own.echo(), parse(bob.next(), Msg.class)}) {
                String json = msg.toString();
                assertEquals("artifact", msg.type(), json);
                assertEquals("alice", msg.from(), json);
                assertEquals(1, msg.offset(), json);
                String body = msg.body().json();
                assertTrue(body.contains("\"sha256\":\"" + sha + "\""), body);
                assertTrue(body.contains("\"size\":3000"), body);
                assertTrue(body.contains("\"name\":\"a.txt\""), body);
                assertTrue(body.contains("\"url\":\"/api/v1/artifacts/" + sha + "\""), body);
            }

            HttpResponse<byte[]> download = getBytes(server, "/api/v1/artifacts/" + sha);
            assertEquals(200, download.statusCode());
            assertArrayEquals(data, download.body());
            assertNextIsPong(bob);
        }
    }

    @Test
    void shouldStoreARestUpload() throws Exception {
        byte[] data = bytes(2048, 2);
        String sha = sha256(data);
        try (TestServer server = TestServer.start(dir); WsClient bob = server.hello("bob")) {
            join(bob, "art");
            HttpResponse<String> response = postBytes(server, "/api/v1/rooms/art/artifacts?name=b.bin", data);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("{\"offset\":1,\"sha256\":\"" + sha + "\"}", response.body());
            Msg msg = parse(bob.next(), Msg.class);
            assertEquals("artifact", msg.type());
            assertTrue(msg.body().json().contains("\"sha256\":\"" + sha + "\""), msg.body().json());
            assertTrue(msg.body().json().contains("\"name\":\"b.bin\""), msg.body().json());
            assertTrue(msg.body().json().contains("\"size\":2048"), msg.body().json());

            HttpResponse<byte[]> download = getBytes(server, "/api/v1/artifacts/" + sha);
            assertEquals(200, download.statusCode());
            assertArrayEquals(data, download.body());

            HttpResponse<String> noName = postBytes(server, "/api/v1/rooms/art/artifacts", data);
            assertEquals(400, noName.statusCode(), noName.body());
            assertTrue(noName.body().contains("name"), noName.body());
            assertNextIsPong(bob);
        }
    }

    @Test
    void shouldRefuseAnArtifactOverTheSizeLimit() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of(Setting.ARTIFACT_MAX_BYTES, 1000));
             WsClient alice = server.hello("alice")) {
            join(alice, "art");
            alice.send(upload("big", "art", "big.bin", bytes(1001, 3)));
            assertError(alice.next(), ErrorCode.TOO_LARGE, "big", "data");
            assertNextIsPong(alice);

            HttpResponse<String> rest = postBytes(server, "/api/v1/rooms/art/artifacts?name=big.bin", bytes(1001, 3));
            assertEquals(413, rest.statusCode(), rest.body());
            assertTrue(rest.body().startsWith("{\"code\":\"too_large\""), rest.body());

            byte[] fits = bytes(1000, 4);
            alice.send(upload("fits", "art", "fits.bin", fits));
            OkAndEcho own = okAndEcho(alice, "fits");
            assertEquals(sha256(fits), own.ok().sha256());
            assertEquals(1, own.echo().offset(), "refused uploads announce nothing");
        }
    }

    @Test
    void shouldRefuseAnArtifactOverTheRoomQuota() throws Exception {
        byte[] first = bytes(800, 5);
        byte[] second = bytes(800, 6);
        try (TestServer server = TestServer.start(dir, Map.of(Setting.ARTIFACT_MAX_BYTES, 1000,
                Setting.ARTIFACT_ROOM_QUOTA_BYTES, 1500));
             WsClient alice = server.hello("alice")) {
            join(alice, "art");
            alice.send(upload("q1", "art", "one.bin", first));
            assertEquals(sha256(first), okAndEcho(alice, "q1").ok().sha256());

            alice.send(upload("q2", "art", "two.bin", second));
            assertError(alice.next(), ErrorCode.TOO_LARGE, "q2", "quota");
            assertNextIsPong(alice);

            alice.send(upload("q3", "art", "again.bin", first));
            OkAndEcho again = okAndEcho(alice, "q3");
            assertEquals(sha256(first), again.ok().sha256(), "the same content costs nothing");
            assertEquals(2, again.echo().offset());

            HttpResponse<String> rest = postBytes(server, "/api/v1/rooms/art/artifacts?name=two.bin", second);
            assertEquals(413, rest.statusCode(), rest.body());

            HttpResponse<String> otherRoom = postBytes(server, "/api/v1/rooms/other/artifacts?name=two.bin", second);
            assertEquals(200, otherRoom.statusCode(), "the quota is per room: " + otherRoom.body());
            assertNextIsPong(alice);
        }
    }

    @Test
    void shouldAnswerUnknownAndInvalidDigests() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            HttpResponse<String> unknown = server.get("/api/v1/artifacts/" + "0".repeat(64));
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertTrue(unknown.body().startsWith("{\"code\":\"not_found\""), unknown.body());
            for (String bad : new String[] {"xyz", "0".repeat(63), "A".repeat(64), "..%2F..%2Fjournal"}) {
                HttpResponse<String> invalid = server.get("/api/v1/artifacts/" + bad);
                assertEquals(400, invalid.statusCode(), bad + ": " + invalid.body());
                assertTrue(invalid.body().startsWith("{\"code\":\"bad_request\""), invalid.body());
            }
        }
    }

    private static void join(WsClient client, String room) {
        client.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + room + "\"}");
        parse(client.reply("j"), Ok.class);
    }

    private static String upload(String rid, String room, String name, byte[] data) {
        return "{\"op\":\"artifact\",\"rid\":\"" + rid + "\",\"room\":\"" + room + "\",\"name\":\"" + name
                + "\",\"data\":\"" + Base64.getEncoder().encodeToString(data) + "\"}";
    }

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static HttpResponse<byte[]> getBytes(TestServer server, String path)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(server, path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> postBytes(TestServer server, String path, byte[] data)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(server, path)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(TestServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
