package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.Message;
import io.agentbus.client.Published;
import io.agentbus.client.error.BadRequestException;
import io.agentbus.client.error.ConnectFailedException;
import io.agentbus.client.error.ConnectionLostException;
import io.agentbus.client.error.ForbiddenException;
import io.agentbus.client.error.NotFoundException;
import io.agentbus.client.error.PublishBufferFullException;
import io.agentbus.client.error.RequestTimeoutException;
import io.agentbus.client.error.ServerErrorException;
import io.agentbus.client.error.TooLargeException;
import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.VoteChoice;
import io.agentbus.server.config.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server errors as typed exceptions, timeouts instead of hangs, back-pressure, connect failures. */
class FailuresIT {
    @TempDir
    static Path dataDir;
    static LiveServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LiveServer.start(dataDir, Map.of(Setting.MAX_FRAME_BYTES, 4096, Setting.ARTIFACT_MAX_BYTES, 1024));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static ServerErrorException serverError(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class, () -> future.orTimeout(10, TimeUnit.SECONDS)
                .join());
        return assertInstanceOf(ServerErrorException.class, e.getCause());
    }

    @Test
    void shouldSurfaceEachServerErrorAsItsTypedExceptionWithTheServersMessage() throws Exception {
        try (AgentBusClient c = AgentBusClient.builder(server.uri(), "errors-1").connect()) {
            ServerErrorException notFound = serverError(c.history("no-such-room", 0, 10));
            assertInstanceOf(NotFoundException.class, notFound);
            assertEquals("room 'no-such-room' does not exist", notFound.serverMessage());

            c.publish("errors-room", "x").get(10, TimeUnit.SECONDS);
            ServerErrorException badLimit = serverError(c.history("errors-room", 0, 5000));
            assertInstanceOf(BadRequestException.class, badLimit);
            assertEquals(ErrorCode.BAD_REQUEST, badLimit.code());
            assertEquals("field 'limit' must be an integer in 1..1000", badLimit.serverMessage());

            String decision = c.propose("errors-room", "Vote without joining", DecisionRule.MAJORITY)
                    .get(10, TimeUnit.SECONDS);
            ServerErrorException forbidden = serverError(c.vote("errors-room", decision, VoteChoice.YES));
            assertInstanceOf(ForbiddenException.class, forbidden);
            assertTrue(forbidden.serverMessage().contains("needs membership"), forbidden.serverMessage());

            ServerErrorException tooLarge = serverError(c.publish("errors-room", "x".repeat(5000)));
            assertInstanceOf(TooLargeException.class, tooLarge);
            ServerErrorException bigArtifact = serverError(c.uploadArtifact("errors-room", "big.bin", null,
                    new byte[2048]));
            assertInstanceOf(TooLargeException.class, bigArtifact);

            Published after = c.publish("errors-room", "still connected").get(10, TimeUnit.SECONDS);
            assertEquals(2, after.offset());
        }
    }

    @Test
    void shouldTimeOutARequestWhoseReplyNeverComes() throws Exception {
        try (ChaosProxy proxy = new ChaosProxy(server.port());
             AgentBusClient c = AgentBusClient.builder(proxy.uri(), "timeout-1")
                     .requestTimeout(Duration.ofMillis(300)).connect()) {
            proxy.blackhole(true);
            CompletionException e = assertThrows(CompletionException.class,
                    () -> c.history("errors-room", 0, 1).orTimeout(10, TimeUnit.SECONDS).join());
            RequestTimeoutException timeout = assertInstanceOf(RequestTimeoutException.class, e.getCause());
            assertEquals("history got no reply within 300 ms; its outcome is unknown", timeout.getMessage());
        }
    }

    @Test
    void shouldFailNonResendableRequestsInFlightWhenTheConnectionDrops() throws Exception {
        try (ChaosProxy proxy = new ChaosProxy(server.port());
             AgentBusClient c = AgentBusClient.builder(proxy.uri(), "lost-1").connect()) {
            proxy.blackhole(true);
            CompletableFuture<?> history = c.history("errors-room", 0, 1);
            CompletableFuture<Published> publish = c.publish("lost-room", "resent after reconnect");
            proxy.blackhole(false);
            proxy.dropConnections();
            CompletionException e = assertThrows(CompletionException.class,
                    () -> history.orTimeout(10, TimeUnit.SECONDS).join());
            assertInstanceOf(ConnectionLostException.class, e.getCause());
            assertEquals(1, publish.get(10, TimeUnit.SECONDS).offset(), "the publish was resent and stored once");
        }
    }

    @Test
    void shouldFailPublishesFastOnceTheBufferBoundIsReached() throws Exception {
        try (LiveServer own = LiveServer.start(dataDir.resolve("bound"));
             AgentBusClient c = AgentBusClient.builder(own.uri(), "bound-1").maxPendingPublishes(5)
                     .reconnect(new io.agentbus.client.ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100)))
                     .connect()) {
            own.stop();
            awaitState(c, ConnectionState.DISCONNECTED);
            List<CompletableFuture<Published>> buffered = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                buffered.add(c.publish("bound-room", Message.text("m" + i)));
            }
            CompletableFuture<Published> sixth = c.publish("bound-room", "one too many");
            assertTrue(sixth.isCompletedExceptionally(), "refused at once, not queued");
            CompletionException e = assertThrows(CompletionException.class, sixth::join);
            assertInstanceOf(PublishBufferFullException.class, e.getCause());

            own.startAgain();
            for (int i = 0; i < 5; i++) {
                assertEquals(i + 1, buffered.get(i).get(10, TimeUnit.SECONDS).offset());
            }
            assertEquals(6, c.publish("bound-room", "room again").get(10, TimeUnit.SECONDS).offset());
        }
    }

    @Test
    void shouldFailToConnectWithAClearMessageWhenNothingListens() throws Exception {
        int port = LiveServer.freePort();
        ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> AgentBusClient.builder(
                URI.create("ws://127.0.0.1:" + port + "/ws"), "nobody-home").connectTimeout(Duration.ofMillis(500))
                .connect());
        assertTrue(e.getMessage().startsWith("no welcome from ws://127.0.0.1:" + port + "/ws within 500 ms"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }

    @Test
    void shouldStopTryingWhenAnAsyncConnectIsCancelled() throws Exception {
        Received<io.agentbus.client.ConnectionEvent> events = new Received<>();
        int port = LiveServer.freePort();
        CompletableFuture<AgentBusClient> connecting = AgentBusClient.builder(
                URI.create("ws://127.0.0.1:" + port + "/ws"), "cancelled-1").onConnectionChange(events).connectAsync();
        assertEquals(ConnectionState.CONNECTING, events.next(Duration.ofSeconds(10)).state());
        assertTrue(connecting.cancel(false));
        io.agentbus.client.ConnectionEvent last = events.next(Duration.ofSeconds(10));
        while (last.state() != ConnectionState.CLOSED) {
            last = events.next(Duration.ofSeconds(10));
        }
        assertEquals("the client was closed", last.reason());
    }

    @Test
    void shouldFailAMessageThatCannotBeEncodedAtOnceAndKeepWorking() throws Exception {
        try (AgentBusClient c = AgentBusClient.builder(server.uri(), "encode-1").connect()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> c.publish("encode-room", "half a pair \ud800").orTimeout(10, TimeUnit.SECONDS).join());
            assertInstanceOf(io.agentbus.client.error.AgentBusException.class, e.getCause());
            assertTrue(e.getCause().getMessage().startsWith("pub could not be encoded: "), e.getCause().getMessage());
            assertEquals(1, c.publish("encode-room", "whole").get(10, TimeUnit.SECONDS).offset());
        }
    }

    @Test
    void shouldRefuseServerUrisItCannotConnectTo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentBusClient.builder(URI.create("wss://127.0.0.1:1/ws"), "tls-1").connect());
        assertEquals("the server URI must start with ws:// (wss:// is not supported yet): wss://127.0.0.1:1/ws",
                e.getMessage());
    }

    @Test
    void shouldRefuseInvalidIdsBeforeSendingAnything() throws Exception {
        try (AgentBusClient c = AgentBusClient.builder(server.uri(), "ids-1").connect()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.publish("bad room", "x"));
            assertTrue(e.getMessage().startsWith("room must be an id"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> c.send("", Message.text("x")));
        }
        assertThrows(IllegalArgumentException.class, () -> AgentBusClient.builder(server.uri(), "no spaces"));
    }

    private static void awaitState(AgentBusClient c, ConnectionState state) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> c.state() == state);
    }
}
